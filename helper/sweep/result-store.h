/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RESULT_STORE_H
#define BLUEPRINT_RESULT_STORE_H

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The folders of a sweep's results: one per run, named by the run's hash.
 *
 * A run writes into a temporary folder `OUT/runs/.tmp-<hash>-<host>-<pid>` and the folder is
 * renamed to `OUT/runs/<hash>` only when every file is written, so a run's files appear whole or
 * not at all (rename(2) of a folder is atomic within one file system). A run that fails is moved
 * to `OUT/failed/<hash>` with its stderr and the reason; it is not done, so the next sweep runs
 * it again. Temporary folders left by a killed sweep are removed before the next one starts.
 *
 * A result folder counts as done only once verified (Verify): its result.json and point.json
 * parse, point.json's hash is the folder's, the hash of its scenario.resolved.yaml with
 * point.json's configuration, seed and program is the folder's name again, and result.json is of
 * that configuration and seed. A folder damaged after it was published (a truncated file, one
 * deleted, another run's files) is set aside as a failure saying what is wrong, and run again.
 */
class ResultStore
{
  public:
    /**
     * \param outDir the sweep's output folder
     */
    explicit ResultStore(std::string outDir);

    /// \return the sweep's output folder
    const std::string& GetOutDir() const;

    /// \param hash a run's hash \return `OUT/runs/<hash>`
    std::string RunDir(const std::string& hash) const;

    /// \param hash a run's hash \return `OUT/failed/<hash>`
    std::string FailedDir(const std::string& hash) const;

    /**
     * \brief Checks a run's result folder (see the class).
     * \param hash a run's hash
     * \return nothing when there is no result folder, an empty string when it holds a whole
     *         result of that run, else what is wrong with it
     */
    std::optional<std::string> Verify(const std::string& hash) const;

    /// \param hash a run's hash \return true if its result folder holds a verified result
    bool IsDone(const std::string& hash) const;

    /// \param hash a run's hash \return true if it has a result folder that fails Verify
    bool IsDamaged(const std::string& hash) const;

    /**
     * \brief Moves a damaged result folder to `OUT/failed/<hash>`, with failure.txt saying what is
     * wrong with it, so the run is no longer done and runs again.
     * \param hash a run's hash whose result folder fails Verify
     * \return what is wrong with it
     */
    std::string SetAsideDamaged(const std::string& hash) const;

    /// \param hash a run's hash \return true if its last attempt failed (and none succeeded)
    bool HasFailed(const std::string& hash) const;

    /**
     * \brief Creates OUT/runs and OUT/failed when missing.
     * \throws InputError naming the folder when it cannot be written
     */
    void Prepare() const;

    /**
     * \brief Removes the temporary folders of runs that were interrupted.
     *
     * Only call this when no run of this sweep is in progress (the local executor holds the
     * sweep's lock; a Slurm submission checks that none of its jobs is queued).
     *
     * \return how many were removed
     */
    std::size_t RemoveStaleTemporaries() const;

    /// \param hash a run's hash \return the temporary folders of that run now present
    std::vector<std::string> TemporariesOf(const std::string& hash) const;

    /**
     * \brief Creates a fresh temporary folder for a run.
     * \param hash the run's hash
     * \return its path
     * \throws InputError when it cannot be created
     */
    std::string CreateTemporary(const std::string& hash) const;

    /**
     * \brief Publishes a finished run: renames its temporary folder to `OUT/runs/<hash>`. A damaged
     * folder already there is set aside first; a verified one (another process finished the same
     * run first) stands, and the temporary folder is removed.
     * \param temporary the folder from CreateTemporary
     * \param hash the run's hash
     * \return an empty string once published; else why not (the temporary folder is kept for
     *         MarkFailed)
     */
    std::string Commit(const std::string& temporary, const std::string& hash) const;

    /**
     * \brief Records a failed run: writes `failure.txt` with the reason into its temporary
     * folder and moves the folder to `OUT/failed/<hash>`, replacing an older failure.
     * \param temporary the folder from CreateTemporary
     * \param hash the run's hash
     * \param reason e.g. "killed by signal 11 (Segmentation fault)"
     */
    void MarkFailed(const std::string& temporary,
                    const std::string& hash,
                    const std::string& reason) const;

    /**
     * \param hash a failed run's hash
     * \return its failure reason and the last lines of its stderr, indented for a report
     */
    std::string DescribeFailure(const std::string& hash) const;

  private:
    std::string m_outDir;                     //!< the sweep's output folder
    mutable std::set<std::string> m_verified; //!< hashes whose folders passed Verify
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_RESULT_STORE_H
