/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OUTPUT_FOLDER_H
#define BLUEPRINT_OUTPUT_FOLDER_H

#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The folder a command writes its results into (`--out DIR`): checked before anything
 * runs, created only when there is something whole to put there, and written whole or not at all.
 *
 * A folder is blueprint's own when every entry in it is a name blueprint writes for that kind of
 * folder (see ForeignEntries); blueprint writes into such a folder, or into a folder that does not
 * exist yet, by building the complete new folder under a temporary name beside it
 * (`.blueprint-<name>-<pid>.tmp`) and renaming it into place: rename(2) for a new folder, an
 * atomic exchange (renameat2(2) with RENAME_EXCHANGE) for an existing one, whose old contents are
 * then removed. Readers see the old folder or the new one, never a mixture, and a crash or a write
 * error leaves the old folder (or none) as it was.
 *
 * A folder holding anything else (`--out /`, a home folder) is refused, naming what is there,
 * unless the user forces it; forced, blueprint writes each file under a temporary name in the
 * folder and renames them into place once all are written, leaving the other files alone.
 */
class OutputFolder
{
  public:
    /// What a folder holds, which decides the entries blueprint recognises as its own.
    enum class Kind
    {
        Run, //!< `run` and `compare`: result.json, flows.csv, scenario.resolved.yaml, compare.csv,
             //!< compare.json, growth.json, growth.csv, report.html (`blueprint report`),
             //!< flowmon.xml, netanim.xml, a pcap/ folder of *.pcap files, and configuration
             //!< folders holding the first three
        Sweep, //!< a sweep's store: plan.json, runs/, failed/, slurm/, sweep.log, .lock,
               //!< summary.csv, plots/, and what a comparison writes beside them (compare.csv,
               //!< compare.json, growth.json, growth.csv, report.html)
    };

    /**
     * \param path the folder, as the user gave it
     * \param kind what blueprint writes there
     * \param force write even into a folder holding entries blueprint did not write
     */
    OutputFolder(std::string path, Kind kind, bool force);

    /**
     * \brief Checks, before anything runs, that the folder can be written; creates nothing.
     * \throws InputError (at the folder, no line) when a file is in the way, the nearest existing
     *         parent folder cannot be written, or, unless forced, the folder holds entries
     *         blueprint did not write (named in the message)
     */
    void Check() const;

    /**
     * \brief Writes the files so the folder appears whole or not at all (see the class).
     * \param files (path relative to the folder, e.g. "base/result.json"; content) pairs
     * \throws InputError naming the path that could not be written and the system's reason;
     *         nothing of the new folder is left behind
     */
    void Write(const std::vector<std::pair<std::string, std::string>>& files) const;

    /**
     * \param dir an existing folder
     * \param kind what blueprint writes there
     * \return the names of the entries in `dir` that blueprint does not write for `kind`
     *         (a folder's name ends in '/'), sorted; empty when `dir` does not exist, one line
     * saying why when it cannot be listed
     */
    static std::vector<std::string> ForeignEntries(const std::string& dir, Kind kind);

  private:
    /**
     * \brief Writes the files into the existing folder one by one (the forced case, and folders
     *        that cannot be renamed: `/`, the working folder or one holding it).
     * \param dir the folder
     * \param files as for Write
     */
    void WriteInPlace(const std::string& dir,
                      const std::vector<std::pair<std::string, std::string>>& files) const;

    std::string m_path; //!< the folder as the user gave it
    Kind m_kind;        //!< what blueprint writes there
    bool m_force;       //!< write beside entries blueprint did not write
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_OUTPUT_FOLDER_H
