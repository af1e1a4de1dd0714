/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/file-output.h"

#include "helper/scenario/input-error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace ns3
{
namespace blueprint
{

void
EnsureWritableDirectory(const std::string& dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
    {
        throw InputError(SourceMark{dir, 0, 0},
                         "cannot create the output folder: " +
                             (ec ? ec.message() : std::string("a file of that name exists")));
    }
    if (access(dir.c_str(), W_OK | X_OK) != 0)
    {
        throw InputError(SourceMark{dir, 0, 0},
                         std::string("cannot write to the output folder: ") + std::strerror(errno));
    }
}

void
WriteFilesAtomically(const std::vector<std::pair<std::string, std::string>>& files)
{
    namespace fs = std::filesystem;
    // A folder in the way would make its rename fail after others were renamed: refuse it first.
    for (const auto& [path, content] : files)
    {
        std::error_code ec;
        if (fs::is_directory(fs::symlink_status(path, ec)))
        {
            throw InputError(SourceMark{path, 0, 0},
                             std::string("cannot write: ") + std::strerror(EISDIR));
        }
    }
    std::vector<std::string> temporaries;
    // Removes the temporaries from `first` on; the error number is taken before, since the
    // removals may change errno.
    auto fail = [&](const std::string& path, int error, std::size_t first) {
        for (std::size_t i = first; i < temporaries.size(); ++i)
        {
            std::remove(temporaries[i].c_str());
        }
        throw InputError(SourceMark{path, 0, 0},
                         std::string("cannot write: ") + std::strerror(error));
    };
    for (const auto& [path, content] : files)
    {
        std::string temporary = path + ".tmp." + std::to_string(getpid());
        std::FILE* out = std::fopen(temporary.c_str(), "wb");
        if (!out)
        {
            fail(path, errno, 0);
        }
        temporaries.push_back(temporary);
        bool written = std::fwrite(content.data(), 1, content.size(), out) == content.size();
        int error = written ? 0 : errno;
        if (std::fclose(out) != 0 && written)
        {
            written = false;
            error = errno;
        }
        if (!written)
        {
            fail(path, error, 0);
        }
    }
    for (size_t i = 0; i < files.size(); ++i)
    {
        if (std::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0)
        {
            fail(files[i].first, errno, i);
        }
    }
}

} // namespace blueprint
} // namespace ns3
