/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_REPORT_HTML_H
#define BLUEPRINT_REPORT_HTML_H

#include "helper/report/compare-folder.h"
#include "helper/report/report-chart.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The `<meta name="generator">` content every report carries: how `blueprint report`
 * knows a file it may replace without --force.
 */
extern const char* const kReportGenerator;

/**
 * \ingroup blueprint
 * \brief The report page: one self-contained HTML file (styles inline, every image a data: URI,
 * no script, no font or file fetched), readable on screen and printed.
 *
 * In order: the recommendation (the configurations meeting every requirement with their seed
 * confidence, the cheapest of them, the Pareto set), the comparison table, each requirement
 * against each configuration, the cost split of shared networks, then the charts by section
 * (latency, energy and cost, cost against latency, demand growth, delay segments, timelines),
 * and how the figures were made.
 *
 * \param folder the comparison
 * \param charts the charts, in the order the sections show them
 * \param images each chart's PNG by chart id
 * \return the page
 */
std::string ReportHtml(const CompareFolder& folder,
                       const std::vector<ReportChart>& charts,
                       const std::map<std::string, std::string>& images);

/**
 * \ingroup blueprint
 * \param bytes any bytes
 * \return their base64 encoding (RFC 4648, section 4, with padding)
 */
std::string Base64(const std::string& bytes);

/**
 * \ingroup blueprint
 * \param text plain text
 * \return the text with &, <, >, " and ' written as character references
 */
std::string HtmlText(const std::string& text);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_REPORT_HTML_H
