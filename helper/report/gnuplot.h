/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_GNUPLOT_H
#define BLUEPRINT_GNUPLOT_H

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A gnuplot single-quoted string: only ' needs escaping (by doubling); a newline, which
 * would end the command, becomes a space.
 * \param s the text
 * \return the quoted text
 */
std::string GnuplotString(const std::string& s);

/**
 * \ingroup blueprint
 * \brief A tic label of `set xtics ("LABEL" POSITION, ...)`: gnuplot reads it as a format for
 * the position, so a '%' (in "99 %", or a name) is doubled as well as quoted.
 * \param s the text
 * \return the quoted label
 */
std::string GnuplotTicLabel(const std::string& s);

/**
 * \ingroup blueprint
 * \brief A tic label of several lines (a double-quoted gnuplot string, whose "\n" breaks the
 * line), '%' doubled as in GnuplotTicLabel.
 * \param lines the lines
 * \return the quoted label
 */
std::string GnuplotTicLines(const std::vector<std::string>& lines);

/**
 * \ingroup blueprint
 * \brief The terminal every blueprint plot is drawn with: PNG through cairo (anti-aliased lines
 * and text), DejaVu Sans, no enhanced-text markup (names such as `cell_2` stay as written), a
 * white background.
 * \param widthPx the image's width in pixels
 * \param heightPx its height
 * \param fontPoints the text size
 * \return the `set terminal` line
 */
std::string GnuplotTerminal(unsigned widthPx, unsigned heightPx, double fontPoints);

/**
 * \ingroup blueprint
 * \brief The colour of a configuration in every chart of blueprint report, and of a series in
 * blueprint aggregate's plots: the Okabe-Ito palette, chosen to stay distinct for readers with
 * colour-vision deficiencies (M. Okabe and K. Ito, "Color Universal Design", 2002), then darker
 * shades. \param index the configuration's place in the comparison, base first \return a gnuplot
 * colour, "#rrggbb"
 */
std::string ConfigurationColour(std::size_t index);

/**
 * \ingroup blueprint
 * \brief Draws a gnuplot script: runs `gnuplot SCRIPT` (Debian's gnuplot-nox) as a child process,
 * never through a shell.
 * \param scriptPath the script
 * \return nothing when gnuplot drew it, else a sentence saying why not (gnuplot missing, with
 *         the package to install, or its exit status and what it wrote to stderr), without the
 *         script's path, which the caller knows to keep or not
 */
std::optional<std::string> RunGnuplot(const std::string& scriptPath);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_GNUPLOT_H
