/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_CHANNEL_H
#define BLUEPRINT_NTN_CHANNEL_H

#include "model/geography/geographic-frame.h"
#include "model/ntn/ntn-beam.h"
#include "model/ntn/ntn-link-budget.h"
#include "model/ntn/ntn-parameters.h"
#include "model/ntn/ntn-path-loss.h"
#include "model/ntn/ntn-platform.h"
#include "model/ntn/ntn-rain-attenuation.h"

#include "ns3/channel.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/object-factory.h"
#include "ns3/queue.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NtnNetDevice;
class NtnTerminalNetDevice;
class NtnGatewayNetDevice;

/**
 * \ingroup blueprint-ntn
 * \brief A satellite or HAPS system: its platforms, the gateways and terminals on the ground,
 * which platform serves each terminal, the beams they share, and the carriage of packets over
 * the moving geometry.
 *
 * <b>Serving platform.</b> At every reassignment boundary (the platform's
 * GetReassignmentPeriod(): 15 s for a Starlink-like shell, at ReassignmentOffset + k 15 s; never
 * for GEO and HAPS, which keep the platform chosen at the start) a global controller gives each
 * terminal, all at once, the platform that (1) is above the terminal's minimum elevation now and
 * at the end of the period, (2) for a transparent payload, or a regenerative one without
 * inter-satellite links, is also above GatewayMinElevation at the terminal's gateway then, and
 * (3) among those has the highest elevation at the terminal now, (4) without the platform that
 * has served it for MaxConsecutiveSlots periods in a row if another qualifies. When none stays
 * visible for the whole period, the highest one visible now is taken. This is the documented
 * behaviour of Starlink's global scheduler (Tanveer et al., CoNEXT 2023: 15 s slots, global
 * reallocation; Mohan et al., WWW 2024: synchronised 15 s reconfiguration); the choice rule itself
 * is blueprint's (Starlink's is not public). When a terminal's platform changes, its link is
 * interrupted for Interruption; its packets are then held in their queues or dropped
 * (InterruptionMode), the loss bursts at handovers that Kassem et al. (IMC 2022) observed.
 *
 * <b>Return access.</b> With REQUEST_GRANT a terminal whose return queue was empty asks for
 * capacity and may send only when the grant arrives: the request travels to the scheduler (on
 * the platform: the service link, as Starlink's on-satellite scheduler of Tanveer et al.; at the
 * gateway: the transparent path, as DVB-RCS2 demand assignment, ETSI EN 301 545-2), which
 * decides at its next return frame boundary, and the grant travels back; the terminal then sends
 * at its carrier's next frame boundary plus the ReturnSchedulingLead. It keeps the grant while it
 * has packets, and GrantHold after its queue empties (DVB-RCS2's RBDC timeout). A
 * ReturnConstantRate (DVB-RCS2's constant rate assignment, CRA) lets a terminal without a grant
 * send a packet that its CRA slots of one return frame hold (a ping, a TCP acknowledgement)
 * without asking.
 *
 * <b>Beams.</b> Terminals served by the same platform in the same ground cell (a square grid of
 * the beam diameter) share one beam: a forward and a return NtnBeam carrier, with the channel's
 * scheduler and background load. A terminal's rate on each carrier is its link budget's MODCOD
 * (NtnLinkBudget over TR 38.811 path loss, ITU-R rain at its site and its LOS state and shadow
 * fading drawn at each new assignment), evaluated again every AcmPeriod.
 *
 * <b>Delay.</b> A packet's propagation delay is computed when its transmission ends, leg by leg
 * along the path it takes (terminal - satellite - gateway for a transparent payload; with
 * inter-satellite links, terminal - satellite - ... - the satellite serving the gateway -
 * gateway), each leg the light time to where the moving platform is when the signal reaches it
 * (one fixed-point iteration, accurate to well under a nanosecond at LEO speeds). A regenerative
 * payload with a FrameDuration schedules the packet onto its last link (the feeder link going
 * up, the service link coming down) at that link's next frame boundary plus SchedulingLead
 * frames, as any framed link; a transparent one relays it as it comes. No packet can arrive
 * sooner than light allows over that path, and the light time follows the orbit continuously:
 * it moves by at most about 40 us per second of LEO motion, so it never jumps except when the
 * serving platform changes. The Sagnac term of a rotating frame (below 0.3 us) is neglected.
 */
class NtnChannel : public Channel, public NtnBeamClient
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// What the platform does with the signal.
    enum Payload
    {
        TRANSPARENT,  //!< bent pipe: terminal - platform - gateway
        REGENERATIVE, //!< on-board processing; may use inter-satellite links
    };

    /// How a terminal gets return-link capacity.
    enum ReturnAccess
    {
        CONTINUOUS,    //!< always has an assignment (a constant-rate assignment, as GEO VSATs)
        REQUEST_GRANT, //!< asks when its queue fills and waits for the grant
    };

    /// What happens to a terminal's packets while its link is interrupted.
    enum InterruptionMode
    {
        HOLD, //!< they wait in their queues
        DROP, //!< they are dropped
    };

    NtnChannel();

    /**
     * \brief Set the frame that places the nodes' local-plane positions on the Earth.
     * \param frame the frame (its origin is the scenario's origin).
     */
    void SetGeoFrame(const GeographicFrame& frame);

    /// \return the frame.
    const GeographicFrame& GetGeoFrame() const;

    /**
     * \brief Set the radio figures of the platform's beams.
     * \param beam the figures.
     */
    void SetBeamParameters(const NtnBeamParameters& beam);

    /// \return the beams' radio figures.
    const NtnBeamParameters& GetBeamParameters() const;

    /**
     * \brief Attach a gateway; its node's position (local plane) fixes its place.
     * \param device the device, on a node with a MobilityModel.
     * \return its index.
     */
    uint32_t AttachGateway(Ptr<NtnGatewayNetDevice> device);

    /**
     * \brief Attach a gateway at a place on the Earth (its antenna's, which its node's
     * local-plane position cannot tell when the site has an altitude).
     * \param device the device.
     * \param point where its antenna is.
     * \return its index.
     */
    uint32_t AttachGateway(Ptr<NtnGatewayNetDevice> device, const GroundPoint& point);

    /**
     * \brief Attach a terminal homed on a gateway; its node's position fixes its place.
     * \param device the device, on a node with a MobilityModel.
     * \param terminal the terminal's radio, power and cost figures.
     * \param gateway the index of its gateway.
     * \return its id.
     */
    uint32_t AttachTerminal(Ptr<NtnTerminalNetDevice> device,
                            const NtnTerminalParameters& terminal,
                            uint32_t gateway);

    /**
     * \brief Attach a terminal at a place on the Earth, homed on a gateway.
     * \param device the device.
     * \param terminal the terminal's radio, power and cost figures.
     * \param gateway the index of its gateway.
     * \param point where its antenna is.
     * \return its id.
     */
    uint32_t AttachTerminal(Ptr<NtnTerminalNetDevice> device,
                            const NtnTerminalParameters& terminal,
                            uint32_t gateway,
                            const GroundPoint& point);

    /// \return the number of terminals.
    uint32_t GetNTerminals() const;

    /// \return the number of gateways.
    uint32_t GetNGateways() const;

    /**
     * \param terminal a terminal id.
     * \return its device.
     */
    Ptr<NtnTerminalNetDevice> GetTerminal(uint32_t terminal) const;

    /**
     * \param gateway a gateway index.
     * \return its device.
     */
    Ptr<NtnGatewayNetDevice> GetGateway(uint32_t gateway) const;

    /**
     * \param address an IPv4 address.
     * \return the terminal whose node has it on its NTN device, or -1.
     */
    int64_t FindTerminal(Ipv4Address address);

    /// Choose the serving platforms now and plan the reassignments (idempotent; the devices
    /// call it when they are initialised at the start of the run).
    void Start();

    /**
     * \brief Set the rain rate at a terminal's site from now on.
     * \param terminal the terminal.
     * \param mmPerHour the rate, mm/h.
     */
    void SetRainRate(uint32_t terminal, double mmPerHour);

    /// \return the platforms of the system (their positions are a function of time).
    Ptr<NtnPlatform> GetPlatform() const;

    /**
     * \param terminal a terminal.
     * \return the platform serving it, or -1 if none.
     */
    int64_t GetServingPlatform(uint32_t terminal) const;

    /**
     * \param terminal a terminal.
     * \return the platforms its packets traverse now, first the one serving it.
     */
    const std::vector<uint32_t>& GetRoute(uint32_t terminal) const;

    /**
     * \param terminal a terminal.
     * \return its place on the Earth.
     */
    const GroundPoint& GetTerminalPoint(uint32_t terminal) const;

    /**
     * \param gateway a gateway.
     * \return its place on the Earth.
     */
    const GroundPoint& GetGatewayPoint(uint32_t gateway) const;

    /**
     * \param terminal a terminal.
     * \return its gateway's index.
     */
    uint32_t GetHomeGateway(uint32_t terminal) const;

    /**
     * \brief The propagation delay of a packet leaving at a time over the terminal's current
     * route (the delay the channel gives it, without queueing or transmission).
     * \param terminal a terminal.
     * \param uplink true for terminal to gateway, false for gateway to terminal.
     * \param departure the time the packet's transmission ends.
     * \return the light time along the path; Time::Max() if the terminal has no route.
     */
    Time GetPropagationDelay(uint32_t terminal, bool uplink, Time departure) const;

    /**
     * \brief The light time of the service link alone (terminal - serving platform), the delay
     * a regenerative payload's user plane ends at.
     * \param terminal a terminal.
     * \param uplink true for terminal to platform.
     * \param departure the time the signal leaves.
     * \return the light time; Time::Max() if the terminal has no platform.
     */
    Time GetServiceLinkDelay(uint32_t terminal, bool uplink, Time departure) const;

    /**
     * \brief A lower bound of the one-way propagation delay between a terminal and its gateway
     * over the whole run: for a moving constellation, each leg at least the distance from the
     * ground point to the platforms' lowest orbit radius; for GEO and HAPS the delay itself.
     * \param terminal a terminal.
     * \return the bound.
     */
    Time GetPropagationLowerBound(uint32_t terminal) const;

    /**
     * \param terminal a terminal.
     * \param forward true for its forward (downlink) carrier.
     * \return its link budget now (re-evaluated if older than AcmPeriod).
     */
    NtnLinkResult GetLinkResult(uint32_t terminal, bool forward);

    /**
     * \param terminal a terminal.
     * \return true if packets to or from it are dropped now (an interruption in DROP mode, or no
     *         platform in view).
     */
    bool IsDropping(uint32_t terminal) const;

    /**
     * \brief A packet waits for a terminal: its beam's carrier serves it when free.
     * \param terminal the terminal.
     * \param forward true if it waits at the gateway (forward direction).
     */
    void NotifyBacklog(uint32_t terminal, bool forward);

    /// \return the number of beams created so far.
    std::size_t GetNBeams() const;

    /**
     * \brief Fix the random streams of the beams' background load and of the terminals attached
     * so far (their LOS and shadowing draws, in the order they were attached).
     *
     * Without SetBeamStreams(), a beam takes the streams of one of 2^17 slots picked by a hash of
     * its platform and ground cell, not of the order beams are created in, so a beam draws the
     * same background whichever terminals come and go; but two beams whose slots coincide (for n
     * beams about n(n-1)/2^18 coinciding pairs: 0.95 for 500 beams) are told apart by taking the
     * next free slot, which then depends on which came first.
     * \param stream the first stream index.
     * \return the number of streams reserved.
     */
    int64_t AssignStreams(int64_t stream);

    /// Gives the first of a beam's four random streams (its forward carrier's two, then its
    /// return carrier's) by its serving platform and ground cell.
    using BeamStreams = std::function<int64_t(int64_t platform, int64_t cell)>;

    /**
     * \brief Give each beam streams of its own, asked for when the beam is first used.
     *
     * Streams named after the beam's platform and cell (common random numbers) need no slots:
     * a beam draws the same background load whichever other beams exist and in whatever order
     * they come. Overrides AssignStreams() for the beams; call it before the first beam exists.
     * \param streams the beam's first stream (it must be one: a negative one ends the run).
     */
    void SetBeamStreams(BeamStreams streams);

    /**
     * \brief Fix one terminal's random streams (its LOS and shadowing draws).
     *
     * A terminal draws only from its own streams, so its line of sight and shadow fading do not
     * depend on how many terminals the channel has nor on the order it reassigns them: give
     * each terminal streams named after it (common random numbers across alternatives).
     * Overrides what AssignStreams() gave it.
     * \param terminal the terminal's id.
     * \param stream the first stream index.
     * \return the number of streams used (2).
     */
    int64_t AssignTerminalStreams(uint32_t terminal, int64_t stream);

    // Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

    // NtnBeamClient
    bool HasPacket(uint32_t terminal, bool forward) const override;
    bool DropIfInterrupted(uint32_t terminal, bool forward) override;
    double GetServiceRate(uint32_t terminal, bool forward) override;
    Ptr<Packet> Dequeue(uint32_t terminal, bool forward) override;
    void Transmitted(uint32_t terminal, bool forward, Ptr<Packet> packet, Time txStart) override;

    /**
     * \brief Signature of the "Delivery" trace.
     * \param terminal the terminal of the packet.
     * \param uplink its direction.
     * \param packet the packet.
     * \param txStart when its transmission started.
     * \param txEnd when it ended.
     * \param arrival when it arrives at the other end.
     * \param platform the platform that served it.
     */
    typedef void (*DeliveryTracedCallback)(uint32_t terminal,
                                           bool uplink,
                                           Ptr<const Packet> packet,
                                           Time txStart,
                                           Time txEnd,
                                           Time arrival,
                                           int64_t platform);

    /**
     * \brief Signature of the "Reassignment" trace.
     * \param terminal the terminal.
     * \param from its previous platform (-1 none).
     * \param to its new platform (-1 none).
     */
    typedef void (*ReassignmentTracedCallback)(uint32_t terminal, int64_t from, int64_t to);

  protected:
    void DoDispose() override;

  private:
    /// A ground station.
    struct Gateway
    {
        Ptr<NtnGatewayNetDevice> device; //!< its device
        GroundPoint point;               //!< its place
    };

    /// The two carriers of one beam.
    struct BeamPair
    {
        Ptr<NtnBeam> forward; //!< gateway to terminals
        Ptr<NtnBeam> ret;     //!< terminals to gateway
    };

    /// Key of a beam: serving platform and ground cell.
    using BeamKey = std::pair<int64_t, int64_t>;

    /// A user terminal.
    struct Terminal
    {
        Ptr<NtnTerminalNetDevice> device; //!< its device
        NtnTerminalParameters params;     //!< its radio figures
        GroundPoint point;                //!< its place
        uint32_t gateway = 0;             //!< home gateway
        int64_t cell = 0;                 //!< ground cell of its beams
        std::vector<uint32_t> route;      //!< platforms traversed (empty = no service)
        BeamPair* beams = nullptr;        //!< its current beam (null = none)
        Time linkUpAt;                    //!< end of the current interruption
        bool los = true;                  //!< line of sight to the serving platform
        double shadowDb = 0.0;            //!< shadow fading to the serving platform, dB
        double rainRate = 0.0;            //!< rain at its site, mm/h
        Ptr<NtnRainAttenuation> rain;     //!< P.618 at its site
        Time resultsValidUntil;           //!< when the cached link results expire
        NtnLinkResult forwardResult;      //!< forward link budget
        NtnLinkResult returnResult;       //!< return link budget
        uint32_t slots = 0;               //!< consecutive periods on the serving platform
        bool granted = false;             //!< holds a return grant while backlogged
        Time grantedUntil;                //!< the grant lasts until then once the queue empties
        Time grantAt = Time::Max();       //!< a requested grant arrives then (Max: none asked)
        double craBits = 0.0;             //!< constant-rate assignment not used yet, bits
        Time craUpdated;                  //!< when craBits was last brought up to date
        /// Its LOS state draws, from its own stream.
        Ptr<UniformRandomVariable> losDraws;
        /// Its shadow fading draws (standard normal), from its own stream.
        Ptr<NormalRandomVariable> shadowDraws;
    };

    /// Reassign every terminal now and plan the next round.
    void ReassignAll();

    /**
     * \brief Choose a terminal's route for the period starting now.
     * \param t the terminal.
     * \param now the time.
     * \param period the reassignment period (0: for the whole run).
     * \param gatewayUsable per gateway, the platforms usable at it for the period, sorted.
     * \param gatewayBest per gateway, the platform serving it (-1 none).
     * \return the route; empty if no platform can serve.
     */
    std::vector<uint32_t> ChooseRoute(const Terminal& t,
                                      Time now,
                                      Time period,
                                      const std::vector<std::vector<uint32_t>>& gatewayUsable,
                                      const std::vector<int64_t>& gatewayBest) const;

    /**
     * \param ground an observer.
     * \param now start of the period.
     * \param period length of the period.
     * \param minElevationDeg the observer's minimum elevation.
     * \return the platforms above it now and at the end of the period, sorted.
     */
    std::vector<uint32_t> UsableFor(const GroundPoint& ground,
                                    Time now,
                                    Time period,
                                    double minElevationDeg) const;

    /**
     * \param key the beam's key.
     * \return the beam, created on first use.
     */
    BeamPair* GetBeam(const BeamKey& key);

    /**
     * \param point a ground point.
     * \return its cell on a square grid of the beam diameter.
     */
    int64_t CellOf(const GroundPoint& point) const;

    /**
     * \param t a terminal.
     * \param forward the direction.
     * \return the queue its packets wait in.
     */
    Ptr<Queue<Packet>> QueueOf(uint32_t t, bool forward) const;

    /**
     * \brief Light time along a route, and for a packet (scheduled) on a regenerative payload
     * with a frame, the wait at the last platform for the frame of its last link.
     * \param from the ground point the packet leaves.
     * \param route the platforms, in the order the packet traverses them.
     * \param to the ground point it reaches.
     * \param departure the time it leaves.
     * \param scheduled whether the platform schedules it onto its last link (a packet; false for
     *        the light time alone).
     * \return the arrival time.
     */
    Time Propagate(const GroundPoint& from,
                   const std::vector<uint32_t>& route,
                   const GroundPoint& to,
                   Time departure,
                   bool scheduled = false) const;

    /// Wake the beams of terminals whose interruption ended.
    void EndInterruptions();

    /// \return the frame of the return carriers.
    Time GetReturnFrame() const;

    /**
     * \param t a terminal without a grant.
     * \param bits the size of its next packet.
     * \return true if its constant rate assignment holds the packet now.
     */
    bool CraHolds(Terminal& t, double bits) const;

    Ptr<NtnPlatform> m_platform;         //!< the platforms
    Ptr<NtnPathLoss> m_pathLoss;         //!< TR 38.811 scenario of the terminals
    Ptr<NtnLinkBudget> m_linkBudget;     //!< link budget and ACM
    NtnBeamParameters m_beam;            //!< radio figures of the beams
    GeographicFrame m_frame;             //!< local plane on the Earth
    Payload m_payload;                   //!< transparent or regenerative
    bool m_interSatelliteLinks;          //!< regenerative payloads route over ISLs
    double m_gatewayMinElevationDeg;     //!< lowest elevation a gateway uses
    Time m_interruption;                 //!< link interruption at a platform change
    InterruptionMode m_interruptionMode; //!< hold or drop
    Time m_reassignmentOffset;           //!< phase of the reassignment boundaries
    Time m_acmPeriod;                    //!< link budget refresh period
    double m_rainHeightM;                //!< ITU-R P.839 rain height at the terminals, m
    Time m_processing;                   //!< ground and on-board processing per direction
    Time m_onboardProcessing;            //!< regenerative payload's processing delay
    uint32_t m_maxConsecutiveSlots;      //!< periods a platform may serve in a row (0: any)
    ReturnAccess m_returnAccess;         //!< continuous or request-grant
    bool m_grantAtGateway;               //!< the return scheduler sits at the gateway
    Time m_grantHold;                    //!< a grant outlives an empty queue by this
    Time m_frameDuration;                //!< frame of every beam carrier
    Time m_returnFrameDuration;          //!< frame of the return carriers (0: m_frameDuration)
    uint32_t m_schedulingLead;           //!< frames a forward frame is planned ahead
    uint32_t m_returnSchedulingLead;     //!< frames a return frame is planned ahead
    double m_returnConstantRate;         //!< constant rate assignment per terminal, bit/s
    double m_backgroundLoad;             //!< other subscribers' share of every carrier
    Time m_backgroundBurst;              //!< their mean burst
    TypeId m_schedulerType;              //!< beam scheduler policy
    std::vector<Gateway> m_gateways;     //!< ground stations
    std::vector<Terminal> m_terminals;   //!< user terminals
    std::map<BeamKey, BeamPair> m_beams; //!< beams in use
    std::unordered_map<uint32_t, int64_t> m_terminalByAddress;      //!< IPv4 address -> terminal
    std::unordered_map<uint64_t, std::vector<uint32_t>> m_inFlight; //!< route per packet uid
    bool m_started;                                                 //!< Start() was called
    EventId m_reassignEvent;                                        //!< next reassignment round
    int64_t m_streamBase; //!< first stream of the beams (-1: automatic)
    /// Stream slots taken by beams.
    std::unordered_set<int64_t> m_beamSlots;
    BeamStreams m_beamStreams; //!< beams' own streams (empty: slots from m_streamBase)
    /// The platforms' least distance from the Earth's centre at t = 0 (circular orbits keep it),
    /// m; computed on first use (-1: not yet).
    mutable double m_lowestRadiusM;
    TracedCallback<uint32_t, bool, Ptr<const Packet>, Time, Time, Time, int64_t>
        m_deliveryTrace;                                            //!< every packet carried
    TracedCallback<uint32_t, int64_t, int64_t> m_reassignmentTrace; //!< every platform change
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_CHANNEL_H */
