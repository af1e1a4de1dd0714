/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FILE_OUTPUT_H
#define BLUEPRINT_FILE_OUTPUT_H

#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Check that `dir` can be written, creating it if needed.
 * \param dir a folder
 * \throw InputError (without line) naming the folder when it cannot be written
 */
void EnsureWritableDirectory(const std::string& dir);

/**
 * \ingroup blueprint
 * \brief Write files so that each appears whole or not at all: every file is written to a
 * temporary name in its folder first, and only when all are written are they renamed into place.
 * \param files (path, content) pairs
 * \throw InputError naming the path that could not be written (temporary files are removed)
 */
void WriteFilesAtomically(const std::vector<std::pair<std::string, std::string>>& files);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_FILE_OUTPUT_H
