/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/setup-progress.h"

#include <utility>

namespace ns3
{
namespace blueprint
{

SetupProgress::SetupProgress(std::string name,
                             std::chrono::steady_clock::time_point start,
                             bool enabled,
                             std::FILE* out)
    : m_name(std::move(name)),
      m_start(start),
      m_enabled(enabled),
      m_out(out)
{
}

void
SetupProgress::Phase(const std::string& what, uint64_t total)
{
    m_phase = what;
    m_total = total;
    m_done = 0;
    Show();
}

void
SetupProgress::Step()
{
    ++m_done;
    // Reading the clock costs tens of nanoseconds; look at it every 64 steps only.
    if (m_enabled && (m_done & 63) == 0)
    {
        Show();
    }
}

void
SetupProgress::Show()
{
    if (!m_enabled)
    {
        return;
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (wall < 2.0 || wall - m_lastPrint < 0.5)
    {
        return;
    }
    m_lastPrint = wall;
    m_printed = true;
    if (m_total > 0)
    {
        std::fprintf(m_out,
                     "\r%s: setting up %s, %llu of %llu (%.1f s)      ",
                     m_name.c_str(),
                     m_phase.c_str(),
                     static_cast<unsigned long long>(m_done),
                     static_cast<unsigned long long>(m_total),
                     wall);
    }
    else
    {
        std::fprintf(m_out,
                     "\r%s: setting up %s (%.1f s)      ",
                     m_name.c_str(),
                     m_phase.c_str(),
                     wall);
    }
    std::fflush(m_out);
}

void
SetupProgress::Finish()
{
    if (m_printed)
    {
        std::fprintf(m_out, "\r%78s\r", "");
        std::fflush(m_out);
        m_printed = false;
    }
}

} // namespace blueprint
} // namespace ns3
