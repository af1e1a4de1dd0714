/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/input-error.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

std::string
FormatSourceMark(const SourceMark& mark)
{
    // An unnamed input still needs something in front of the colon, or the line number would be
    // read as the file name.
    std::string text = mark.file.empty() ? std::string("<input>") : mark.file;
    if (mark.line > 0)
    {
        text += ":" + std::to_string(mark.line);
        if (mark.column > 0)
        {
            text += ":" + std::to_string(mark.column);
        }
    }
    return text;
}

InputError::InputError(const SourceMark& mark, const std::string& message)
    : std::runtime_error(FormatSourceMark(mark) + ": " + message),
      m_mark(mark),
      m_message(message)
{
}

const SourceMark&
InputError::GetMark() const
{
    return m_mark;
}

const std::string&
InputError::GetMessage() const
{
    return m_message;
}

std::size_t
EditDistance(const std::string& a, const std::string& b)
{
    // Optimal string alignment: the Wagner-Fischer dynamic programme for Levenshtein distance with
    // Damerau's adjacent transposition added as a fourth edit of cost 1.
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i)
    {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= m; ++j)
    {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= n; ++i)
    {
        for (std::size_t j = 1; j <= m; ++j)
        {
            const std::size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

std::string
SuggestClosest(const std::string& word, const std::vector<std::string>& candidates)
{
    // Allow two edits for short words and a third of the length for long ones, so that
    // "lenght" -> "length" is found while unrelated short keys are not offered.
    const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    std::string best;
    std::size_t bestDistance = limit + 1;
    for (const auto& candidate : candidates)
    {
        const std::size_t distance = EditDistance(word, candidate);
        if (distance < bestDistance && distance < std::max(word.size(), candidate.size()))
        {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace blueprint
} // namespace ns3
