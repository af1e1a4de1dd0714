/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_FLAVOUR_H
#define BLUEPRINT_PON_FLAVOUR_H

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \defgroup blueprint-pon PON access
 * \brief GPON, XGS-PON, GE-PON and 10G-EPON trees: broadcast downstream, TDMA upstream under a
 * DBA policy, per-standard framing (doc/pon.rst).
 */

/**
 * \ingroup blueprint-pon
 * \brief What one TDM-PON standard fixes: line rates, coding and FEC, the upstream burst and
 * frame structure, the encapsulation of a packet, the control messages, and the optical budget.
 *
 * The OLT, ONUs and DBA work in bytes of the transmission-convergence (TC) layer: everything
 * above line coding and FEC. Each standard is one subclass overriding the hooks
 * (ns3::blueprint::GePonFlavour, ns3::blueprint::TenGEponFlavour, ns3::blueprint::GponFlavour,
 * ns3::blueprint::XgsPonFlavour), as src/propagation has one class per scenario; a researcher's own
 * flavour plugs in by TypeId. Every figure names its clause in pon-flavour.cc.
 */
class PonFlavour : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \return the flavour's short name ("gpon", "xgs-pon", "ge-pon", "10g-epon").
    virtual std::string GetName() const = 0;

    /// \return TC-layer bytes per second downstream (after line coding and FEC).
    virtual double GetDownstreamByteRate() const = 0;
    /// \return TC-layer bytes per second upstream (after line coding and FEC).
    virtual double GetUpstreamByteRate() const = 0;
    /// \return the nominal downstream line rate, bit/s (for reports).
    virtual double GetDownstreamLineRate() const = 0;
    /// \return the nominal upstream line rate, bit/s (for reports).
    virtual double GetUpstreamLineRate() const = 0;

    /**
     * \return the upstream frame the bandwidth map describes (125 us for the ITU-T PONs); zero
     *         for EPON, whose grants are not framed (the DBA cycle then frames the schedule).
     */
    virtual Time GetUpstreamFrame() const = 0;

    /**
     * \return the time a burst needs besides its bytes: guard, preamble and delimiter (ITU-T), or
     *         laser on, synchronisation and laser off (IEEE).
     */
    virtual Time GetBurstOverhead() const = 0;

    /// \return TC bytes every burst carries besides reports and payload (burst header, trailer).
    virtual uint32_t GetBurstHeaderBytes() const = 0;

    /// \return TC bytes of one status report (DBRu, or an MPCP REPORT frame on the wire).
    virtual uint32_t GetReportBytes() const = 0;

    /**
     * \brief TC bytes one whole packet occupies.
     * \param packetBytes the IP packet's size.
     * \return the encapsulated size: GEM/XGEM header + Ethernet frame (ITU-T), or preamble +
     *         Ethernet frame + inter-packet gap (IEEE).
     */
    virtual uint32_t GetEncapsulatedBytes(uint32_t packetBytes) const = 0;

    /// \return whether a packet may be split across bursts (GEM/XGEM fragmentation).
    virtual bool SupportsFragmentation() const = 0;

    /// \return TC bytes a further fragment of a split packet adds (its own GEM/XGEM header).
    virtual uint32_t GetFragmentHeaderBytes() const = 0;

    /// \return the fraction of the downstream TC byte rate left for payload after the fixed
    ///         per-frame overhead (PCBd, PSBd and XGTC header); 1 for EPON.
    virtual double GetDownstreamPayloadFraction() const = 0;

    /// \return downstream TC bytes one upstream grant costs (a BWmap allocation or a GATE).
    virtual uint32_t GetGrantMessageBytes() const = 0;

    /// \return the time an ONU takes from receiving a grant to being able to use it.
    virtual Time GetOnuResponseTime() const = 0;

    /// \return the physical distance limit OLT-ONU, km.
    virtual double GetMaxReachKm() const = 0;

    /// \return the optical power budget of the default class, dB (ODN loss it tolerates).
    virtual double GetPowerBudgetDb() const = 0;

    /**
     * \brief The time `bytes` TC bytes take upstream.
     * \param bytes a byte count.
     * \return bytes / GetUpstreamByteRate().
     */
    Time UpstreamTime(double bytes) const;

    /**
     * \brief The time `bytes` TC bytes take downstream, frame overhead included.
     * \param bytes a byte count.
     * \return bytes / (GetDownstreamByteRate() x GetDownstreamPayloadFraction()).
     */
    Time DownstreamTime(double bytes) const;

    /**
     * \brief Create a flavour by its short name.
     * \param name "gpon", "xgs-pon", "ge-pon" or "10g-epon".
     * \return the flavour, or nullptr for an unknown name.
     */
    static Ptr<PonFlavour> Create(const std::string& name);

    /// \return the short names Create() accepts.
    static std::vector<std::string> Names();
};

/**
 * \ingroup blueprint-pon
 * \brief GPON, ITU-T G.984: 2.48832 Gbit/s down, 1.24416 Gbit/s up, 125 us frames, GEM.
 */
class GponFlavour : public PonFlavour
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    std::string GetName() const override;
    double GetDownstreamByteRate() const override;
    double GetUpstreamByteRate() const override;
    double GetDownstreamLineRate() const override;
    double GetUpstreamLineRate() const override;
    Time GetUpstreamFrame() const override;
    Time GetBurstOverhead() const override;
    uint32_t GetBurstHeaderBytes() const override;
    uint32_t GetReportBytes() const override;
    uint32_t GetEncapsulatedBytes(uint32_t packetBytes) const override;
    bool SupportsFragmentation() const override;
    uint32_t GetFragmentHeaderBytes() const override;
    double GetDownstreamPayloadFraction() const override;
    uint32_t GetGrantMessageBytes() const override;
    Time GetOnuResponseTime() const override;
    double GetMaxReachKm() const override;
    double GetPowerBudgetDb() const override;
};

/**
 * \ingroup blueprint-pon
 * \brief XGS-PON, ITU-T G.9807.1: 9.95328 Gbit/s both ways, 125 us frames, XGEM, RS(248,216).
 */
class XgsPonFlavour : public PonFlavour
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    XgsPonFlavour();
    std::string GetName() const override;
    double GetDownstreamByteRate() const override;
    double GetUpstreamByteRate() const override;
    double GetDownstreamLineRate() const override;
    double GetUpstreamLineRate() const override;
    Time GetUpstreamFrame() const override;
    Time GetBurstOverhead() const override;
    uint32_t GetBurstHeaderBytes() const override;
    uint32_t GetReportBytes() const override;
    uint32_t GetEncapsulatedBytes(uint32_t packetBytes) const override;
    bool SupportsFragmentation() const override;
    uint32_t GetFragmentHeaderBytes() const override;
    double GetDownstreamPayloadFraction() const override;
    uint32_t GetGrantMessageBytes() const override;
    Time GetOnuResponseTime() const override;
    double GetMaxReachKm() const override;
    double GetPowerBudgetDb() const override;

  private:
    bool m_upstreamFec; //!< upstream RS(248,216) on (attribute UpstreamFec)
};

/**
 * \ingroup blueprint-pon
 * \brief GE-PON (1G-EPON), IEEE 802.3ah (802.3 clauses 60, 64, 65): 1 Gbit/s both ways over
 * 1.25 GBd 8B/10B, MPCP GATE/REPORT, no fragmentation.
 */
class GePonFlavour : public PonFlavour
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    std::string GetName() const override;
    double GetDownstreamByteRate() const override;
    double GetUpstreamByteRate() const override;
    double GetDownstreamLineRate() const override;
    double GetUpstreamLineRate() const override;
    Time GetUpstreamFrame() const override;
    Time GetBurstOverhead() const override;
    uint32_t GetBurstHeaderBytes() const override;
    uint32_t GetReportBytes() const override;
    uint32_t GetEncapsulatedBytes(uint32_t packetBytes) const override;
    bool SupportsFragmentation() const override;
    uint32_t GetFragmentHeaderBytes() const override;
    double GetDownstreamPayloadFraction() const override;
    uint32_t GetGrantMessageBytes() const override;
    Time GetOnuResponseTime() const override;
    double GetMaxReachKm() const override;
    double GetPowerBudgetDb() const override;
};

/**
 * \ingroup blueprint-pon
 * \brief 10G-EPON, IEEE 802.3av (802.3 clauses 75-77): 10 Gbit/s both ways over 10.3125 GBd
 * 64B/66B with mandatory RS(255,223) FEC; the EPON framing and MPCP of GePonFlavour.
 */
class TenGEponFlavour : public GePonFlavour
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    std::string GetName() const override;
    double GetDownstreamByteRate() const override;
    double GetUpstreamByteRate() const override;
    double GetDownstreamLineRate() const override;
    double GetUpstreamLineRate() const override;
    Time GetBurstOverhead() const override;
    double GetPowerBudgetDb() const override;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_FLAVOUR_H */
