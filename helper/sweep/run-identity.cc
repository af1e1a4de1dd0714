/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/run-identity.h"

#include <boost/uuid/detail/sha1.hpp>
#include <cstdio>
#include <dlfcn.h>
#include <fstream>
#include <iterator>
#include <type_traits>

namespace ns3
{
namespace blueprint
{

std::string
Sha1Hex(const std::string& bytes)
{
    boost::uuids::detail::sha1 sha;
    sha.process_bytes(bytes.data(), bytes.size());
    boost::uuids::detail::sha1::digest_type digest;
    sha.get_digest(digest);
    // Boost 1.74 gives five 32-bit words, Boost >= 1.86 twenty bytes; print either big-endian.
    using Word = std::remove_reference_t<decltype(digest[0])>;
    std::string hex;
    for (const auto& word : digest)
    {
        for (int shift = 8 * static_cast<int>(sizeof(Word)) - 8; shift >= 0; shift -= 8)
        {
            char byte[3];
            std::snprintf(byte,
                          sizeof(byte),
                          "%02x",
                          static_cast<unsigned>((word >> shift) & 0xff));
            hex += byte;
        }
    }
    return hex;
}

const std::string&
ProgramIdentity()
{
    static const std::string identity = []() {
        std::string id = std::string("blueprint ") + BLUEPRINT_VERSION;
        Dl_info info{};
        if (dladdr(reinterpret_cast<void*>(&Sha1Hex), &info) != 0 && info.dli_fname)
        {
            std::ifstream in(info.dli_fname, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
            if (in.good() || in.eof())
            {
                id += " lib " + Sha1Hex(bytes).substr(0, 12);
            }
        }
        return id;
    }();
    return identity;
}

std::string
RunHash(const std::string& resolvedYaml,
        const std::string& configuration,
        uint64_t seed,
        const std::string& program)
{
    return Sha1Hex("blueprint run\nprogram: " + program + "\nconfiguration: " + configuration +
                   "\nseed: " + std::to_string(seed) + "\n---\n" + resolvedYaml);
}

} // namespace blueprint
} // namespace ns3
