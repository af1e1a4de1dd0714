/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_REPORT_COMMAND_H
#define BLUEPRINT_REPORT_COMMAND_H

#include <optional>
#include <ostream>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What `blueprint report DIR [--out FILE] [--force]` was asked.
 */
struct ReportOptions
{
    std::string dir;                //!< the folder compare (or compare --seeds) wrote
    std::optional<std::string> out; //!< the page; default DIR/report.html
    bool force = false;             //!< replace a file that is not a blueprint report
};

/**
 * \ingroup blueprint
 * \return the page `blueprint report DIR` writes without --out: DIR/report.html
 * \param dir the compare folder
 */
std::string DefaultReportPath(const std::string& dir);

/**
 * \ingroup blueprint
 * \brief Checks, before anything is drawn, that the report can be written to `path`: a file
 * that blueprint report wrote is replaced, anything else there is refused unless forced, and a
 * folder always is.
 * \param path the page
 * \param force replace a file blueprint did not write
 * \throws InputError at the path saying what is in the way
 */
void CheckReportPath(const std::string& path, bool force);

/**
 * \ingroup blueprint
 * \brief `blueprint report`: reads the compare folder, draws its charts with gnuplot and writes
 * the page whole or not at all (a temporary file renamed into place).
 * \param o the options
 * \param out where to say what was written
 * \param err where to say why nothing was
 * \return 0 when written; 1 when gnuplot is missing or fails (nothing written)
 * \throws InputError (exit status 2) for a bad folder or an output path in the way
 */
int RunReport(const ReportOptions& o, std::ostream& out, std::ostream& err);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_REPORT_COMMAND_H
