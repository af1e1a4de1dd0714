/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PCAP_CAPTURE_H
#define BLUEPRINT_PCAP_CAPTURE_H

#include "helper/scenario/scenario-spec.h"

#include "ns3/net-device.h"
#include "ns3/pcap-file-wrapper.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

class ScenarioBuild;

/**
 * \ingroup blueprint
 * \brief One `--pcap` argument, checked against the scenario: a node (every member of a group),
 * one member of a group (`tractors[2]`, counted from 0), or a link (the devices at both ends).
 */
struct PcapTarget
{
    std::string text;               //!< as the user wrote it
    std::string node;               //!< the node (group) name, or "" for a link
    std::optional<uint32_t> member; //!< one member of the group, or all of them
    std::string link;               //!< the link name, or "" for a node
};

/**
 * \ingroup blueprint
 * \brief Check `--pcap` arguments against a resolved scenario's node and link names.
 * \param spec the scenario
 * \param texts the arguments, in order
 * \return one target per argument
 * \throws InputError at "--pcap" (no line) for an unknown name, with a did-you-mean, or a member
 *         index out of the group's range
 */
std::vector<PcapTarget> ResolvePcapTargets(const ScenarioSpec& spec,
                                           const std::vector<std::string>& texts);

/**
 * \ingroup blueprint
 * \brief Standard pcap files of chosen devices over one run (the CLI's `--pcap`), built in a
 * private temporary folder and handed back as bytes, so that the output folder receives them
 * with the run's other files, whole or not at all.
 *
 * Which devices: a link's are those its routing edges join, and those its build unit created on
 * the link's end nodes that are on no edge (a cell's station before any terminal attaches); a
 * node's are every such device on it. Each device is captured at the
 * trace point its type offers, with the data link type its packets have:
 * - a PointToPointNetDevice (and subclasses): "PromiscSniffer", PPP header, DLT_PPP, as ns-3's
 *   PointToPointHelper;
 * - a WifiNetDevice: its PHY's monitor traces with radiotap, DLT_IEEE802_11_RADIO, as ns-3's
 *   WifiPhyHelper;
 * - any device with "MacTx" and "MacRx" packet traces (blueprint's own radio, NTN and PON
 *   devices, ns-3's VirtualNetDevice): the IPv4 datagram it accepts for sending and the one it
 *   delivers up, no link-layer header, DLT_RAW;
 * - otherwise, a device with an IPv4 interface: IPv4's "Tx" and "Rx" on that interface,
 *   DLT_RAW, as ns-3's InternetStackHelper::EnablePcapIpv4.
 * A device with none of these is left out and named in GetSkipped().
 */
class PcapCapture
{
  public:
    /**
     * \param targets what to capture (ResolvePcapTargets)
     */
    explicit PcapCapture(std::vector<PcapTarget> targets);

    /// Removes the temporary folder.
    ~PcapCapture();

    PcapCapture(const PcapCapture&) = delete;
    PcapCapture& operator=(const PcapCapture&) = delete;

    /**
     * \brief Before a build unit is built: remember how many devices its links' end nodes have.
     * \param sb the run
     * \param unit the unit's links
     */
    void BeginUnit(const ScenarioBuild& sb, const std::vector<const LinkSpec*>& unit);

    /**
     * \brief After a build unit is built: the devices it added to its links' end nodes belong to
     * those of its links that end at the node.
     * \param sb the run
     * \param unit the unit's links
     */
    void EndUnit(const ScenarioBuild& sb, const std::vector<const LinkSpec*>& unit);

    /**
     * \brief Once everything is built, before the simulation runs: open one pcap file per chosen
     * device and connect it to the device's trace point.
     * \param sb the run
     * \throws InputError at "--pcap" when a target has no device that can be captured
     */
    void Attach(const ScenarioBuild& sb);

    /**
     * \brief After the simulation has run: close the files and read them back.
     * \return ("pcap/NODE-LINK.pcap", bytes) per captured device, in the order of the targets
     */
    std::vector<std::pair<std::string, std::string>> Collect();

    /** \return one line per chosen device that has no trace point to capture it at */
    const std::vector<std::string>& GetSkipped() const;

  private:
    /// A chosen device and its file.
    struct Capture
    {
        std::string name;          //!< file name under pcap/
        Ptr<PcapFileWrapper> file; //!< open while the run lasts
        std::string path;          //!< the temporary file
    };

    /**
     * \param device a device
     * \param path where its pcap goes
     * \return the open file connected to the device's trace point, or nullptr when it has none
     */
    static Ptr<PcapFileWrapper> Connect(Ptr<NetDevice> device, const std::string& path);

    std::vector<PcapTarget> m_targets;     //!< what to capture
    std::map<uint32_t, uint32_t> m_before; //!< node id -> devices before the current unit
    /// Device -> the links it belongs to, in the order found (edges first, then build units).
    std::map<Ptr<NetDevice>, std::vector<const LinkSpec*>> m_linksOf;
    std::vector<Ptr<NetDevice>> m_unitDevices; //!< devices on no edge, as the units made them
    std::string m_folder;                      //!< the private temporary folder
    std::vector<Capture> m_captures;           //!< in the order of the targets
    std::vector<std::string> m_skipped;        //!< devices left out, and why
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_PCAP_CAPTURE_H
