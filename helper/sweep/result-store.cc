/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/result-store.h"

#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/sweep/child-process.h"
#include "helper/sweep/run-identity.h"

#include "ns3/log.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintResultStore");

namespace fs = std::filesystem;

namespace
{

/// Prefix of temporary run folders; a leading dot keeps them out of `ls` and of the hash names.
const std::string kTemporaryPrefix = ".tmp-";

/// Lines of a failed run's stderr shown in reports (assumption: enough for an error and its
/// context, short enough for a terminal).
constexpr std::size_t kStderrTailLines = 12;

/// The whole text of a file, or nothing when it cannot be read.
std::optional<std::string>
ReadText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

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

std::optional<std::string>
ResultStore::Verify(const std::string& hash) const
{
    const std::string dir = RunDir(hash);
    std::error_code ec;
    if (!fs::exists(dir, ec))
    {
        m_verified.erase(hash);
        return std::nullopt;
    }
    if (m_verified.count(hash))
    {
        return std::string();
    }
    std::optional<std::string> pointText = ReadText(dir + "/point.json");
    std::optional<std::string> resultText = ReadText(dir + "/result.json");
    std::optional<std::string> resolved = ReadText(dir + "/scenario.resolved.yaml");
    for (const auto& [name, text] : {std::make_pair("point.json", &pointText),
                                     std::make_pair("result.json", &resultText),
                                     std::make_pair("scenario.resolved.yaml", &resolved)})
    {
        if (!*text)
        {
            return std::string(name) + " is missing";
        }
    }
    if (!fs::is_regular_file(dir + "/flows.csv", ec))
    {
        return std::string("flows.csv is missing");
    }
    nlohmann::json point;
    nlohmann::json result;
    try
    {
        point = nlohmann::json::parse(*pointText);
    }
    catch (const std::exception& e)
    {
        return std::string("point.json is not JSON (") + e.what() + ")";
    }
    try
    {
        result = nlohmann::json::parse(*resultText);
    }
    catch (const std::exception& e)
    {
        return std::string("result.json is not JSON (") + e.what() + ")";
    }
    try
    {
        const std::string configuration = point.at("alternative").get<std::string>();
        const uint64_t seed = point.at("seed").get<uint64_t>();
        if (point.at("hash").get<std::string>() != hash ||
            RunHash(*resolved, configuration, seed, point.at("program").get<std::string>()) != hash)
        {
            return std::string("its scenario.resolved.yaml and point.json are not those of run ") +
                   hash;
        }
        if (result.at("configuration").get<std::string>() != configuration ||
            result.at("seed").get<uint64_t>() != seed || !result.at("flows").is_array() ||
            !result.at("verdict").is_string())
        {
            return std::string("result.json is not the result of this run's configuration and "
                               "seed");
        }
    }
    catch (const std::exception& e)
    {
        return std::string("point.json or result.json lacks a field (") + e.what() + ")";
    }
    m_verified.insert(hash);
    return std::string();
}

bool
ResultStore::IsDone(const std::string& hash) const
{
    std::optional<std::string> damage = Verify(hash);
    return damage && damage->empty();
}

bool
ResultStore::IsDamaged(const std::string& hash) const
{
    std::optional<std::string> damage = Verify(hash);
    return damage && !damage->empty();
}

std::string
ResultStore::SetAsideDamaged(const std::string& hash) const
{
    std::string damage = Verify(hash).value_or("its result folder is missing");
    NS_LOG_INFO("setting aside " << RunDir(hash) << ": " << damage);
    MarkFailed(RunDir(hash), hash, "its result was damaged (" + damage + "); it runs again");
    m_verified.erase(hash);
    return damage;
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

std::string
ResultStore::Commit(const std::string& temporary, const std::string& hash) const
{
    std::error_code ec;
    for (int attempt = 0;; ++attempt)
    {
        if (std::rename(temporary.c_str(), RunDir(hash).c_str()) == 0)
        {
            fs::remove_all(FailedDir(hash), ec);
            return "";
        }
        const int error = errno;
        NS_LOG_INFO("cannot publish " << temporary << ": " << std::strerror(error));
        if (IsDone(hash))
        {
            // Another process finished the same run first: its result stands.
            fs::remove_all(temporary, ec);
            return "";
        }
        if (attempt > 0 || !IsDamaged(hash))
        {
            return "cannot publish the result as " + RunDir(hash) + ": " + std::strerror(error);
        }
        // A damaged folder of the same name is in the way: set it aside and try once more.
        SetAsideDamaged(hash);
    }
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

} // namespace blueprint
} // namespace ns3
