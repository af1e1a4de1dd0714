/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_INPUT_ERROR_H
#define BLUEPRINT_INPUT_ERROR_H

#include <stdexcept>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \brief A place in an input file.
 *
 * Line and column are 1-based, as editors and compilers show them. line == 0 means "no position"
 * (for example a file that cannot be opened); an error at such a mark prints as "FILE: message".
 */
struct SourceMark
{
    std::string
        file;       //!< Name of the input file as the user gave it (or a pseudo-name like "--set").
    int line = 0;   //!< 1-based line, 0 when there is no position.
    int column = 0; //!< 1-based column, 0 when unknown.
};

/**
 * \brief Formats a mark the way InputError prints it, without the trailing ": ".
 * \param mark the mark
 * \return "FILE:LINE:COL", "FILE:LINE" when the column is unknown, or "FILE" when the line is.
 */
std::string FormatSourceMark(const SourceMark& mark);

/**
 * \brief Any problem in user input, located in a file.
 *
 * what() is "FILE:LINE:COL: message" so the command-line program can print it verbatim and exit
 * with status 2.
 */
class InputError : public std::runtime_error
{
  public:
    /**
     * \brief Creates an error at a place in the input.
     * \param mark where the problem is
     * \param message what is wrong, without the location
     */
    InputError(const SourceMark& mark, const std::string& message);

    /**
     * \brief Where the problem is.
     * \return the mark given at construction
     */
    const SourceMark& GetMark() const;

    /**
     * \brief What is wrong.
     * \return the message without the location prefix
     */
    const std::string& GetMessage() const;

  private:
    SourceMark m_mark;     //!< Where the problem is.
    std::string m_message; //!< The message without the location.
};

/**
 * \brief Thrown by the unit parsers in units.h, which do not know where their text came from.
 *
 * ConfigNode catches it and rethrows it as an InputError at the node's mark.
 */
class UnitError : public std::invalid_argument
{
  public:
    using std::invalid_argument::invalid_argument;
};

/**
 * \brief Damerau-Levenshtein distance (optimal string alignment variant) between two strings.
 *
 * Counts insertions, deletions, substitutions and transpositions of adjacent bytes, the four
 * typing mistakes measured by Damerau (1964), "A technique for computer detection and correction
 * of spelling errors", Communications of the ACM 7(3).
 *
 * \param a first string
 * \param b second string
 * \return the number of edits that turn a into b
 */
std::size_t EditDistance(const std::string& a, const std::string& b);

/**
 * \brief The candidate closest to a misspelt word, for "did you mean ...?" hints.
 *
 * A candidate is close when its edit distance to word is at most max(2, length(word) / 3) and
 * smaller than the longer of the two lengths (so a word is never "corrected" into a candidate that
 * shares nothing with it, e.g. "xy" into "id"). Among close candidates the nearest wins; ties go to
 * the earlier candidate.
 *
 * \param word what the user wrote
 * \param candidates the words that would have been accepted
 * \return the closest candidate, or "" if none is close
 */
std::string SuggestClosest(const std::string& word, const std::vector<std::string>& candidates);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_INPUT_ERROR_H
