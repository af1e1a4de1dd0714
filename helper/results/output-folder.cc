/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/output-folder.h"

#include "helper/scenario/input-error.h"

#include "ns3/log.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintOutputFolder");

namespace fs = std::filesystem;

namespace
{

/// Prefix of the temporary names blueprint writes under; entries named so are its own.
const std::string kTemporaryPrefix = ".blueprint-";

/// The files of one run's folder.
const std::set<std::string> kRunFiles{"result.json",
                                      "flows.csv",
                                      "phases.csv",
                                      "cost_share.csv",
                                      "cost_split.csv",
                                      "scenario.resolved.yaml",
                                      "flowmon.xml",
                                      "netanim.xml"};

/// The page `blueprint report DIR` writes into a compare folder by default: a compare run again
/// over a folder holding it replaces the folder whole (the old page described the old results).
const std::string kReportPage = "report.html";

/// How many foreign entries an error message names before it counts the rest.
constexpr std::size_t kNamedEntries = 8;

/// `path` absolute, normalised, symbolic links of its existing part resolved, without a trailing
/// separator (so "out/x/" and "out/x" are the same folder, and a link to a folder is written
/// where it points).
fs::path
Resolve(const std::string& path)
{
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(path), ec);
    if (ec)
    {
        p = fs::absolute(path).lexically_normal();
    }
    while (!p.has_filename() && p.has_relative_path())
    {
        p = p.parent_path();
    }
    return p;
}

/// The system's words for an error number.
std::string
Reason(int error)
{
    return std::strerror(error);
}

/// \return true if `dir` can be written (entries created, renamed and removed in it).
bool
Writable(const fs::path& dir)
{
    return access(dir.c_str(), W_OK | X_OK) == 0;
}

/// \return true if the folder `p` is blueprint's own run folder (a configuration of `compare`):
/// it holds a run's files and nothing else (an empty folder is not one blueprint wrote).
bool
IsRunFolder(const fs::path& p)
{
    std::error_code ec;
    bool any = false;
    for (const auto& e : fs::directory_iterator(p, ec))
    {
        const std::string name = e.path().filename().string();
        if (name.rfind(kTemporaryPrefix, 0) == 0)
        {
            continue;
        }
        if (!kRunFiles.count(name) || !fs::is_regular_file(e.symlink_status(ec)))
        {
            return false;
        }
        any = true;
    }
    return any && !ec;
}

/// The folder of a run's pcap files (`run --pcap`).
const std::string kPcapFolder = "pcap";

/// \return true if the folder `p` is a run's pcap folder as blueprint writes it: one or more
/// regular files named *.pcap and nothing else.
bool
IsPcapFolder(const fs::path& p)
{
    std::error_code ec;
    bool any = false;
    for (const auto& e : fs::directory_iterator(p, ec))
    {
        const std::string name = e.path().filename().string();
        if (name.rfind(kTemporaryPrefix, 0) == 0)
        {
            continue;
        }
        if (e.path().extension() != ".pcap" || !fs::is_regular_file(e.symlink_status(ec)))
        {
            return false;
        }
        any = true;
    }
    return any && !ec;
}

/// \return true if `dir` is `/` or holds the working folder: renaming it would pull the folder
/// from under the user's shell.
bool
HoldsWorkingFolder(const fs::path& dir)
{
    if (dir == dir.root_path())
    {
        return true;
    }
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec)
    {
        return false;
    }
    auto [d, c] = std::mismatch(dir.begin(), dir.end(), cwd.begin(), cwd.end());
    return d == dir.end();
}

/**
 * Writes `content` to `path` and flushes it to the disk, so that a rename after it publishes a
 * whole file even across a power cut.
 * \return 0, or the errno of the failing call
 */
int
WriteFile(const fs::path& path, const std::string& content)
{
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
    {
        return errno;
    }
    std::size_t done = 0;
    while (done < content.size())
    {
        ssize_t n = write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n < 0)
        {
            int error = errno;
            close(fd);
            return error;
        }
        done += static_cast<std::size_t>(n);
    }
    if (fsync(fd) != 0)
    {
        int error = errno;
        close(fd);
        return error;
    }
    return close(fd) == 0 ? 0 : errno;
}

/// Checks that a relative file name stays inside the folder.
void
CheckRelative(const std::string& folder, const std::string& rel)
{
    fs::path p(rel);
    bool escapes = p.empty() || p.is_absolute();
    for (const auto& part : p)
    {
        escapes = escapes || part == ".." || part == ".";
    }
    if (escapes)
    {
        throw InputError(SourceMark{folder, 0, 0},
                         "'" + rel + "' is not a file name inside the output folder");
    }
}

} // namespace

OutputFolder::OutputFolder(std::string path, Kind kind, bool force)
    : m_path(std::move(path)),
      m_kind(kind),
      m_force(force)
{
}

std::vector<std::string>
OutputFolder::ForeignEntries(const std::string& dir, Kind kind)
{
    static const std::set<std::string> kSweepFiles{"plan.json",
                                                   "sweep.log",
                                                   ".lock",
                                                   "summary.csv",
                                                   "compare.csv",
                                                   "compare.json",
                                                   "growth.json",
                                                   "growth.csv",
                                                   kReportPage};
    static const std::set<std::string> kSweepFolders{"runs", "failed", "slurm", "plots"};
    std::vector<std::string> foreign;
    std::error_code ec;
    fs::directory_iterator entries(dir, ec);
    if (ec && fs::exists(dir))
    {
        // What cannot be listed cannot be shown to be blueprint's.
        return {"(its entries cannot be listed: " + ec.message() + ")"};
    }
    for (const auto& e : entries)
    {
        const std::string name = e.path().filename().string();
        const fs::file_status status = e.symlink_status(ec);
        const bool file = fs::is_regular_file(status);
        const bool folder = fs::is_directory(status);
        if (name.rfind(kTemporaryPrefix, 0) == 0)
        {
            continue; // left by an interrupted write of blueprint's
        }
        if (kind == Kind::Run)
        {
            const bool ownName = kRunFiles.count(name) || name == "compare.csv" ||
                                 name == "compare.json" || name == "growth.json" ||
                                 name == "growth.csv" || name == kReportPage;
            if ((file && ownName) || (folder && !ownName && IsRunFolder(e.path())) ||
                (folder && name == kPcapFolder && IsPcapFolder(e.path())))
            {
                continue;
            }
        }
        else if ((file && kSweepFiles.count(name)) || (folder && kSweepFolders.count(name)))
        {
            continue;
        }
        foreign.push_back(name + (folder ? "/" : ""));
    }
    std::sort(foreign.begin(), foreign.end());
    return foreign;
}

void
OutputFolder::Check() const
{
    const SourceMark mark{m_path, 0, 0};
    const fs::path target = Resolve(m_path);
    std::error_code ec;
    if (fs::exists(target, ec))
    {
        if (!fs::is_directory(target, ec))
        {
            throw InputError(mark, "cannot write the output folder: a file of that name exists");
        }
        if (!Writable(target))
        {
            throw InputError(mark, "cannot write to the output folder: " + Reason(errno));
        }
        std::vector<std::string> foreign = ForeignEntries(target.string(), m_kind);
        if (!foreign.empty() && !m_force)
        {
            std::string names;
            for (std::size_t i = 0; i < foreign.size() && i < kNamedEntries; ++i)
            {
                names += (i ? ", " : "") + foreign[i];
            }
            if (foreign.size() > kNamedEntries)
            {
                names += " and " + std::to_string(foreign.size() - kNamedEntries) + " more";
            }
            throw InputError(mark,
                             "the output folder holds files blueprint did not write (" + names +
                                 "); choose another folder, or give --force to write beside them");
        }
        return;
    }
    // The folder is created when the results are written; its nearest existing parent must take
    // it.
    fs::path ancestor = target.parent_path();
    while (!fs::exists(ancestor, ec) && ancestor.has_relative_path())
    {
        ancestor = ancestor.parent_path();
    }
    if (!fs::is_directory(ancestor, ec))
    {
        throw InputError(mark,
                         "cannot create the output folder: " + ancestor.string() +
                             " is a file, not a folder");
    }
    if (!Writable(ancestor))
    {
        throw InputError(mark,
                         "cannot create the output folder in " + ancestor.string() + ": " +
                             Reason(errno));
    }
}

void
OutputFolder::Write(const std::vector<std::pair<std::string, std::string>>& files) const
{
    for (const auto& [rel, content] : files)
    {
        CheckRelative(m_path, rel);
    }
    // The world may have changed while the simulation ran.
    Check();
    const SourceMark mark{m_path, 0, 0};
    const fs::path target = Resolve(m_path);
    std::error_code ec;
    const bool exists = fs::is_directory(target, ec);
    if (exists && ((m_force && !ForeignEntries(target.string(), m_kind).empty()) ||
                   HoldsWorkingFolder(target) || !Writable(target.parent_path())))
    {
        WriteInPlace(target.string(), files);
        return;
    }

    const fs::path parent = target.parent_path();
    fs::create_directories(parent, ec);
    if (ec)
    {
        throw InputError(mark, "cannot create the output folder: " + ec.message());
    }
    const std::string stem =
        kTemporaryPrefix + target.filename().string() + "-" + std::to_string(getpid());
    const fs::path temporary = parent / (stem + ".tmp");
    fs::remove_all(temporary, ec);
    // Removes the temporary folder and reports `error` at `where`.
    auto fail = [&](const std::string& where, const std::string& why) {
        std::error_code ignored;
        fs::remove_all(temporary, ignored);
        throw InputError(SourceMark{where, 0, 0}, why);
    };
    if (mkdir(temporary.c_str(), 0777) != 0)
    {
        fail(m_path, "cannot create the output folder: " + Reason(errno));
    }
    for (const auto& [rel, content] : files)
    {
        const fs::path path = temporary / rel;
        fs::create_directories(path.parent_path(), ec);
        int error = ec ? ec.value() : WriteFile(path, content);
        if (error != 0)
        {
            fail(m_path + "/" + rel, "cannot write: " + Reason(error));
        }
    }
    if (!exists)
    {
        if (std::rename(temporary.c_str(), target.c_str()) != 0)
        {
            fail(m_path, "cannot write the output folder: " + Reason(errno));
        }
        return;
    }
    // Swap the new folder with the old one in one step, then remove the old one.
    if (renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
    {
        int error = errno;
        if (error != EINVAL && error != ENOSYS)
        {
            fail(m_path, "cannot replace the output folder: " + Reason(error));
        }
        // A file system without the exchange: move the old folder aside first.
        const fs::path old = parent / (stem + ".old");
        fs::remove_all(old, ec);
        if (std::rename(target.c_str(), old.c_str()) != 0)
        {
            fail(m_path, "cannot replace the output folder: " + Reason(errno));
        }
        if (std::rename(temporary.c_str(), target.c_str()) != 0)
        {
            error = errno;
            std::rename(old.c_str(), target.c_str());
            fail(m_path, "cannot replace the output folder: " + Reason(error));
        }
        fs::remove_all(old, ec);
        return;
    }
    NS_LOG_INFO("replaced " << target << "; removing its old contents");
    fs::remove_all(temporary, ec);
}

void
OutputFolder::WriteInPlace(const std::string& dir,
                           const std::vector<std::pair<std::string, std::string>>& files) const
{
    std::error_code ec;
    // Everything that can be checked is checked before anything is written.
    for (const auto& [rel, content] : files)
    {
        const fs::path path = fs::path(dir) / rel;
        if (fs::is_directory(fs::symlink_status(path, ec)))
        {
            throw InputError(SourceMark{m_path + "/" + rel, 0, 0},
                             "cannot write: " + Reason(EISDIR));
        }
    }
    std::vector<fs::path> createdFolders;
    std::vector<std::pair<fs::path, fs::path>> temporaries; // (temporary, final)
    auto cleanUp = [&]() {
        std::error_code ignored;
        for (const auto& t : temporaries)
        {
            fs::remove(t.first, ignored);
        }
        for (auto it = createdFolders.rbegin(); it != createdFolders.rend(); ++it)
        {
            fs::remove(*it, ignored);
        }
    };
    for (const auto& [rel, content] : files)
    {
        const fs::path path = fs::path(dir) / rel;
        for (fs::path p = path.parent_path(); !fs::exists(p, ec); p = p.parent_path())
        {
            createdFolders.insert(createdFolders.begin(), p);
        }
        fs::create_directories(path.parent_path(), ec);
        const fs::path temporary =
            path.parent_path() /
            (kTemporaryPrefix + path.filename().string() + "-" + std::to_string(getpid()) + ".tmp");
        int error = ec ? ec.value() : WriteFile(temporary, content);
        temporaries.emplace_back(temporary, path);
        if (error != 0)
        {
            cleanUp();
            throw InputError(SourceMark{m_path + "/" + rel, 0, 0},
                             "cannot write: " + Reason(error));
        }
    }
    for (std::size_t i = 0; i < temporaries.size(); ++i)
    {
        if (std::rename(temporaries[i].first.c_str(), temporaries[i].second.c_str()) != 0)
        {
            int error = errno;
            temporaries.erase(temporaries.begin(), temporaries.begin() + i);
            createdFolders.clear(); // they hold the files already renamed
            cleanUp();
            throw InputError(SourceMark{m_path + "/" + files[i].first, 0, 0},
                             "cannot write: " + Reason(error));
        }
    }
}

} // namespace blueprint
} // namespace ns3
