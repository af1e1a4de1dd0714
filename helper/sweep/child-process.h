/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_CHILD_PROCESS_H
#define BLUEPRINT_CHILD_PROCESS_H

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What a finished child process left behind.
 */
struct CommandOutput
{
    int waitStatus = 0; //!< raw status from waitpid
    std::string out;    //!< everything it wrote to stdout
    std::string err;    //!< everything it wrote to stderr

    /// \return true if it exited normally with status 0
    bool Succeeded() const;
};

/**
 * \ingroup blueprint
 * \brief Runs a program with an argument vector, never through a shell, and collects its output.
 *
 * The program is looked up in PATH when argv[0] has no '/'. Nothing in argv is interpreted, so
 * scenario and parameter names can be passed as they are.
 *
 * \param argv the program and its arguments
 * \return its status and output; a program that cannot be started exits with status 127
 */
CommandOutput RunCommand(const std::vector<std::string>& argv);

/**
 * \ingroup blueprint
 * \brief Describes a waitpid status for people: "exit status 3", "killed by signal 9 (Killed)".
 * \param waitStatus the raw status
 * \return the description
 */
std::string DescribeWaitStatus(int waitStatus);

/**
 * \ingroup blueprint
 * \brief Whether a program can be found in PATH.
 * \param name the program name, e.g. "gnuplot"
 * \return true if an executable of that name is in PATH
 */
bool ProgramInPath(const std::string& name);

/**
 * \ingroup blueprint
 * \return the absolute path of the running executable (/proc/self/exe)
 */
std::string SelfExecutable();

/**
 * \ingroup blueprint
 * \brief The last lines of a text file, for failure reports.
 * \param path the file
 * \param lines how many lines at most
 * \return those lines, or "" when the file cannot be read
 */
std::string TailOfFile(const std::string& path, std::size_t lines);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_CHILD_PROCESS_H
