/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/report/report-command.h"

#include "helper/report/compare-folder.h"
#include "helper/report/report-chart.h"
#include "helper/report/report-html.h"
#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/sweep/child-process.h"

#include "ns3/log.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintReportCommand");

namespace
{

namespace fs = std::filesystem;

/// Whether the file at `path` is a page blueprint report wrote: its head names the generator.
bool
IsBlueprintReport(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.rfind("<!DOCTYPE html>", 0) == 0 &&
           head.find(std::string("<meta name=\"generator\" content=\"") + kReportGenerator) !=
               std::string::npos;
}

/// A private folder for gnuplot's script and images, removed when it goes out of scope.
class WorkFolder
{
  public:
    WorkFolder()
    {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/blueprint-report-XXXXXX";
        if (!mkdtemp(pattern.data()))
        {
            throw std::runtime_error("cannot create a temporary folder for the charts in " +
                                     pattern);
        }
        m_path = pattern;
    }

    ~WorkFolder()
    {
        std::error_code ec;
        if (!m_keep)
        {
            fs::remove_all(m_path, ec);
        }
    }

    /// Leaves the folder in place (what gnuplot could not draw, for a bug report).
    void Keep()
    {
        m_keep = true;
    }

    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;

    /// \return the folder
    const std::string& Path() const
    {
        return m_path;
    }

  private:
    std::string m_path;  //!< the folder
    bool m_keep = false; //!< leave it in place
};

} // namespace

std::string
DefaultReportPath(const std::string& dir)
{
    return (fs::path(dir) / "report.html").string();
}

void
CheckReportPath(const std::string& path, bool force)
{
    const SourceMark mark{path, 0, 0};
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status))
    {
        throw InputError(mark, "cannot write the report: a folder of that name exists");
    }
    if (fs::exists(status) && !force && !IsBlueprintReport(path))
    {
        throw InputError(mark,
                         "a file that blueprint report did not write is in the way; choose "
                         "another --out, or give --force to replace it");
    }
    const fs::path parent = fs::absolute(path).parent_path();
    if (!fs::is_directory(parent, ec))
    {
        throw InputError(mark,
                         "cannot write the report: the folder " + parent.string() +
                             " does not exist");
    }
}

int
RunReport(const ReportOptions& o, std::ostream& out, std::ostream& err)
{
    const auto start = std::chrono::steady_clock::now();
    // The folder first: a typo in DIR is the likelier mistake, and its message the more useful.
    CompareFolder folder = CompareFolder::Load(o.dir);
    const std::string path = o.out.value_or(DefaultReportPath(o.dir));
    CheckReportPath(path, o.force);

    std::vector<ReportChart> charts;
    for (auto* make :
         {&LatencyCdfCharts, &EnergyCostCharts, &GrowthCharts, &SegmentCharts, &TimelineCharts})
    {
        for (ReportChart& c : make(folder))
        {
            charts.push_back(std::move(c));
        }
    }
    std::map<std::string, std::string> images;
    {
        WorkFolder work;
        try
        {
            images = DrawCharts(charts, work.Path());
        }
        catch (const std::runtime_error& e)
        {
            // A gnuplot that ran and failed is a bug of the charts: keep what it was given.
            const bool ran = ProgramInPath("gnuplot");
            if (ran)
            {
                work.Keep();
            }
            err << "blueprint report: " << e.what()
                << (ran ? "\nthe charts' script is kept in " + work.Path() : std::string())
                << "\nnothing written\n";
            return 1;
        }
    }
    const std::string html = ReportHtml(folder, charts, images);
    // The world may have changed while gnuplot drew.
    CheckReportPath(path, o.force);
    WriteFilesAtomically({{path, html}});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    NS_LOG_INFO("report of " << o.dir << " in " << seconds << " s");
    out << "report: " << path << " (" << folder.configurations.size() << " configurations, "
        << charts.size() << " charts, " << (html.size() + 1023) / 1024 << " KiB)\n";
    return 0;
}

} // namespace blueprint
} // namespace ns3
