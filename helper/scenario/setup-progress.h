/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SETUP_PROGRESS_H
#define BLUEPRINT_SETUP_PROGRESS_H

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A line on a terminal that says how far building a run has come, so that a scenario that
 * takes minutes to set up is not silent until it fails or runs.
 *
 * Like the simulation's progress line it appears only when enabled (the command turns it on when
 * stderr is a terminal) and only after two seconds of wall time, and is written at most twice a
 * second: "village / base: setting up routes, 1,200 of 4,000 (3.4 s)".
 */
class SetupProgress
{
  public:
    /**
     * \param name the configuration, first on the line
     * \param start when building started
     * \param enabled whether to write anything
     * \param out where to write (stderr)
     */
    SetupProgress(std::string name,
                  std::chrono::steady_clock::time_point start,
                  bool enabled,
                  std::FILE* out = stderr);

    /**
     * \brief Starts a part of the set-up.
     * \param what what is set up, e.g. "routes"
     * \param total how many steps it has (0: unknown)
     */
    void Phase(const std::string& what, uint64_t total);

    /// Counts one step of the current part, and writes the line when it is due.
    void Step();

    /// Clears the line, if one was written.
    void Finish();

  private:
    /// Writes the line if it is enabled and due.
    void Show();

    std::string m_name;                            //!< The configuration.
    std::chrono::steady_clock::time_point m_start; //!< When building started.
    bool m_enabled;                                //!< Whether to write at all.
    std::FILE* m_out;                              //!< Where to write.
    std::string m_phase;                           //!< The current part.
    uint64_t m_total = 0;                          //!< Its steps (0: unknown).
    uint64_t m_done = 0;                           //!< Its steps done.
    double m_lastPrint = -1;                       //!< Wall seconds of the last line.
    bool m_printed = false;                        //!< Whether a line was written.
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SETUP_PROGRESS_H
