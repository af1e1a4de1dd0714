/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RANDOM_STREAM_PLAN_H
#define BLUEPRINT_RANDOM_STREAM_PLAN_H

#include "helper/scenario/input-error.h"

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Random stream numbers fixed by an element's name and role (common random numbers).
 *
 * Every random draw of a run comes from an ns-3 stream (RandomVariableStream::SetStream). Handing
 * streams out in creation order makes every element's draws depend on what was built before it:
 * an alternative that adds a Wi-Fi link, or one more member to a group written earlier, shifts
 * the streams of everything after it, so two configurations differ by luck as well as by design.
 * Here each element asks for the streams of a *key* that names it and the role of the draws
 * ("link:cell/gnb", "flow:camera/member:3/source", "node:farm/placement"): the key's stable
 * 64-bit hash picks a block of BLOCK_STREAMS consecutive stream numbers, so an element draws the
 * same numbers in every configuration that keeps its name, whatever else changes (Law,
 * "Simulation Modeling and Analysis", 5th ed., section 11.2: synchronising common random numbers
 * by dedicating a stream to each source of randomness).
 *
 * The hash is FNV-1a 64 (Fowler, Noll, Vo; IETF draft-eastlake-fnv) followed by MurmurHash3's
 * 64-bit finaliser (fmix64) to spread the bits; its top BLOCK_INDEX_BITS bits number the block.
 * Blocks are 2^20 streams wide and there are 2^43 of them, so the stream numbers stay below the
 * 2^63 ns-3 reserves for fixed assignment. Two keys of one run whose blocks coincide would share
 * draws: that is detected and refused. The chance is about n^2 / 2^44 for n keys: 6e-6 for
 * 10,000 keys (a group of 5,000 members with one flow), 6e-4 for 100,000, 0.4 % for 250,000. A
 * shared radio channel reserves a key per station-terminal pair (RadioPairStreams), so n grows
 * as stations x terminals there: 50 gNBs and 5,000 UEs on one carrier are 250,000 keys.
 */
class RandomStreamPlan
{
  public:
    /// Streams per block: more than any one element uses (an NTN system's channel reserves 2^19
    /// for beam slots it uses only outside a scenario; a Wi-Fi link uses about ten per station).
    static constexpr int64_t BLOCK_STREAMS = int64_t{1} << 20;
    /// Bits of the block index: BLOCK_STREAMS << BLOCK_INDEX_BITS is 2^63.
    static constexpr int BLOCK_INDEX_BITS = 43;

    /**
     * \param key an element's name and role
     * \return the stable 64-bit hash of the key (before it is cut to a block index)
     */
    static uint64_t Hash(const std::string& key);

    /**
     * \param key an element's name and role
     * \return the first stream of the key's block, whether reserved or not
     */
    static int64_t FirstStream(const std::string& key);

    /**
     * \brief Reserve the key's block for this run.
     * \param key an element's name and role
     * \param mark where the element is written (for the error)
     * \return the first stream of its block
     * \throws InputError at mark when another key of this run has the same block, or when the
     *         key was reserved already (two elements of the same name and role)
     */
    int64_t Reserve(const std::string& key, const SourceMark& mark);

    /**
     * \brief Reserve the key's block and hand it to a model's AssignStreams.
     * \param key an element's name and role
     * \param mark where the element is written
     * \param assign calls the model's AssignStreams with the first stream and returns how many
     *        streams it used
     * \throws InputError as Reserve; std::logic_error when the model used more than a block
     */
    void Assign(const std::string& key,
                const SourceMark& mark,
                const std::function<int64_t(int64_t)>& assign);

    /** \return the number of keys reserved */
    std::size_t GetReservedCount() const;

  private:
    /// A reserved block: its key and where the element is written.
    struct Owner
    {
        std::string key; //!< the key
        SourceMark mark; //!< where its element is written
    };

    std::unordered_map<int64_t, Owner> m_owners; //!< first stream -> its key
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_RANDOM_STREAM_PLAN_H
