/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SCENARIO_DOCUMENT_H
#define BLUEPRINT_SCENARIO_DOCUMENT_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A scenario file: its base configuration and its named alternatives.
 *
 * Resolving a configuration merges the alternative's `changes` into the base document (maps merge
 * key by key, `~` removes a key, other values replace), applies command-line `--set` overrides,
 * then reads and checks the result into a typed ScenarioSpec. Every problem is an InputError that
 * names the file, line and column of the offending text.
 */
class ScenarioDocument
{
  public:
    /**
     * \brief Read and check the structure of a scenario file.
     * \param path the YAML file
     * \return the document
     */
    static ScenarioDocument Load(const std::string& path);

    /**
     * \brief Read a scenario from text (for tests).
     * \param text YAML text
     * \param fileName the name used in error messages
     * \return the document
     */
    static ScenarioDocument FromString(const std::string& text, const std::string& fileName);

    /** \return the names of the alternatives, in file order */
    std::vector<std::string> GetAlternativeNames() const;

    /**
     * \brief Resolve one configuration into a checked, typed scenario.
     * \param configuration "base" or an alternative's name
     * \param overrides "key.path=value" strings, applied after the alternative's changes
     * \param seed replaces the scenario's seed when given
     * \return the resolved scenario
     */
    ScenarioSpec Resolve(const std::string& configuration,
                         const std::vector<std::string>& overrides = {},
                         std::optional<uint64_t> seed = std::nullopt) const;

    /**
     * \brief Simulates every configuration resolved from now on in `year` (`--year`, `--years`):
     * Resolve sets the top-level `demand.year` after the alternative's changes and the overrides,
     * so the year wins over one an alternative writes.
     * \param year the year
     * \param mark where the year was given, named in messages (`--year 2030`)
     */
    void SetYear(int year, const SourceMark& mark);

  private:
    /**
     * \brief Split a parsed file into its base document and its alternatives.
     * \param root the parsed file
     * \param file its name
     * \return the document
     */
    static ScenarioDocument FromRoot(ConfigNode root, const std::string& file);

    ConfigNode m_base; //!< document without alternatives
    std::vector<std::pair<std::string, ConfigNode>> m_alternatives; //!< name -> alternative map
    std::string m_file;                                             //!< the file name
    std::optional<int> m_year; //!< the year every configuration is resolved in (SetYear)
    SourceMark m_yearMark;     //!< where it was given
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SCENARIO_DOCUMENT_H
