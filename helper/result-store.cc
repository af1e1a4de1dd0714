/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/result-store.h"

#include "helper/child-process.h"
#include "helper/input-error.h"
#include "helper/result-writer.h"

#include "ns3/log.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ResultStore");

namespace fs = std::filesystem;

namespace
{

/// Prefix of temporary run folders; a leading dot keeps them out of `ls` and of the hash names.
const std::string kTemporaryPrefix = ".tmp-";

/// Lines of a failed run's stderr shown in reports (assumption: enough for an error and its
/// context, short enough for a terminal).
constexpr std::size_t kStderrTailLines = 12;

} // namespace

ResultStore::ResultStore(std::string outDir)
    : m_outDir(std::move(outDir))
{
}

const std::string&
ResultStore::GetOutDir() const
{
    return m_outDir;
}

std::string
ResultStore::RunDir(const std::string& hash) const
{
    return m_outDir + "/runs/" + hash;
}

std::string
ResultStore::FailedDir(const std::string& hash) const
{
    return m_outDir + "/failed/" + hash;
}

bool
ResultStore::IsDone(const std::string& hash) const
{
    std::error_code ec;
    return fs::is_regular_file(RunDir(hash) + "/result.json", ec);
}

bool
ResultStore::HasFailed(const std::string& hash) const
{
    std::error_code ec;
    return !IsDone(hash) && fs::is_directory(FailedDir(hash), ec);
}

void
ResultStore::Prepare() const
{
    EnsureWritableDirectory(m_outDir + "/runs");
    EnsureWritableDirectory(m_outDir + "/failed");
}

std::size_t
ResultStore::RemoveStaleTemporaries() const
{
    std::size_t removed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_outDir + "/runs", ec))
    {
        if (entry.path().filename().string().rfind(kTemporaryPrefix, 0) == 0)
        {
            NS_LOG_INFO("removing stale " << entry.path());
            fs::remove_all(entry.path(), ec);
            ++removed;
        }
    }
    return removed;
}

std::vector<std::string>
ResultStore::TemporariesOf(const std::string& hash) const
{
    std::vector<std::string> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_outDir + "/runs", ec))
    {
        if (entry.path().filename().string().rfind(kTemporaryPrefix + hash + "-", 0) == 0)
        {
            found.push_back(entry.path().string());
        }
    }
    return found;
}

std::string
ResultStore::CreateTemporary(const std::string& hash) const
{
    char host[256] = "host";
    gethostname(host, sizeof(host) - 1);
    std::string path =
        m_outDir + "/runs/" + kTemporaryPrefix + hash + "-" + host + "-" + std::to_string(getpid());
    std::error_code ec;
    fs::remove_all(path, ec);
    if (mkdir(path.c_str(), 0777) != 0)
    {
        throw InputError(SourceMark{path, 0, 0},
                         std::string("cannot create the run folder: ") + std::strerror(errno));
    }
    return path;
}

bool
ResultStore::Commit(const std::string& temporary, const std::string& hash) const
{
    std::error_code ec;
    if (std::rename(temporary.c_str(), RunDir(hash).c_str()) != 0)
    {
        // Another process finished the same run first (rename onto a non-empty folder fails):
        // its result stands.
        NS_LOG_INFO("cannot publish " << temporary << ": " << std::strerror(errno));
        fs::remove_all(temporary, ec);
        return IsDone(hash);
    }
    fs::remove_all(FailedDir(hash), ec);
    return true;
}

void
ResultStore::MarkFailed(const std::string& temporary,
                        const std::string& hash,
                        const std::string& reason) const
{
    std::ofstream(temporary + "/failure.txt") << reason << "\n";
    std::error_code ec;
    fs::remove_all(FailedDir(hash), ec);
    fs::create_directories(m_outDir + "/failed", ec);
    if (std::rename(temporary.c_str(), FailedDir(hash).c_str()) != 0)
    {
        fs::remove_all(temporary, ec);
    }
}

std::string
ResultStore::DescribeFailure(const std::string& hash) const
{
    std::string reason = TailOfFile(FailedDir(hash) + "/failure.txt", 1);
    std::string out =
        "    " + (reason.empty() ? std::string("no record of the failure\n") : reason);
    std::string tail = TailOfFile(FailedDir(hash) + "/stderr.txt", kStderrTailLines);
    if (!tail.empty())
    {
        out += "    stderr (" + FailedDir(hash) + "/stderr.txt):\n";
        std::size_t start = 0;
        while (start < tail.size())
        {
            std::size_t nl = tail.find('\n', start);
            out += "      " + tail.substr(start, nl - start) + "\n";
            start = nl + 1;
        }
    }
    return out;
}

} // namespace ns3
