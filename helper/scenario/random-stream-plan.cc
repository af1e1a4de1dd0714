/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/random-stream-plan.h"

#include <stdexcept>

namespace ns3
{
namespace blueprint
{

static_assert(RandomStreamPlan::BLOCK_STREAMS *
                      (int64_t{1} << (RandomStreamPlan::BLOCK_INDEX_BITS - 1)) ==
                  int64_t{1} << 62,
              "blocks must fill exactly the 2^63 streams ns-3 reserves for fixed assignment");

uint64_t
RandomStreamPlan::Hash(const std::string& key)
{
    // FNV-1a 64: offset basis and prime from draft-eastlake-fnv, section 5.
    uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : key)
    {
        h ^= c;
        h *= 1099511628211ULL;
    }
    // MurmurHash3's fmix64 (Appleby, SMHasher): FNV-1a's high bits, which pick the block, depend
    // weakly on a key's last characters ("member:1" and "member:2") until mixed.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

int64_t
RandomStreamPlan::FirstStream(const std::string& key)
{
    const uint64_t block = Hash(key) >> (64 - BLOCK_INDEX_BITS);
    return static_cast<int64_t>(block) * BLOCK_STREAMS;
}

int64_t
RandomStreamPlan::Reserve(const std::string& key, const SourceMark& mark)
{
    const int64_t first = FirstStream(key);
    auto [it, inserted] = m_owners.emplace(first, Owner{key, mark});
    if (!inserted)
    {
        if (it->second.key == key)
        {
            throw InputError(mark,
                             "two elements draw random numbers as '" + key +
                                 "' (the other is written at " + FormatSourceMark(it->second.mark) +
                                 "): names must be unique");
        }
        throw InputError(mark,
                         "the random streams of '" + key + "' coincide with those of '" +
                             it->second.key + "' (written at " + FormatSourceMark(it->second.mark) +
                             "), a hash collision: rename one of the two elements");
    }
    return first;
}

void
RandomStreamPlan::Assign(const std::string& key,
                         const SourceMark& mark,
                         const std::function<int64_t(int64_t)>& assign)
{
    const int64_t used = assign(Reserve(key, mark));
    if (used > BLOCK_STREAMS)
    {
        throw std::logic_error("'" + key + "' used " + std::to_string(used) +
                               " random streams, more than the " + std::to_string(BLOCK_STREAMS) +
                               " of its block");
    }
}

std::size_t
RandomStreamPlan::GetReservedCount() const
{
    return m_owners.size();
}

} // namespace blueprint
} // namespace ns3
