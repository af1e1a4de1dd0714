/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RUN_IDENTITY_H
#define BLUEPRINT_RUN_IDENTITY_H

#include <cstdint>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief SHA-1 of a byte string, as 40 lower-case hex digits.
 *
 * SHA-1 (FIPS 180-4) through Boost's uuid implementation: it names result folders, where
 * collisions by accident are what matters (2^-80 for a sweep of 2^40 runs), not an attacker.
 *
 * \param bytes the input
 * \return the digest in hex
 */
std::string Sha1Hex(const std::string& bytes);

/**
 * \ingroup blueprint
 * \brief What identifies the program that computes results: its version and a digest of the
 * library that holds every model.
 *
 * A sweep must never take a result computed by different model code for a current one. The
 * version alone does not change while models are developed, so the identity also hashes the
 * shared library this function lives in (found with dladdr); any rebuild that changes the models
 * changes the identity and so every run's folder. Computed once per process.
 *
 * \return e.g. "blueprint 0.1.0 lib 3f2a9c01d4e7"
 */
const std::string& ProgramIdentity();

/**
 * \ingroup blueprint
 * \brief The name of a run's result folder.
 * \param resolvedYaml the canonical YAML of the resolved scenario (ScenarioSpec::resolvedYaml)
 * \param configuration the configuration's name (it is written into result.json)
 * \param seed the run number
 * \param program ProgramIdentity() of the program that runs it
 * \return the SHA-1 of all four, in hex
 */
std::string RunHash(const std::string& resolvedYaml,
                    const std::string& configuration,
                    uint64_t seed,
                    const std::string& program);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_RUN_IDENTITY_H
