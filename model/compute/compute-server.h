/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COMPUTE_SERVER_H
#define BLUEPRINT_COMPUTE_SERVER_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <functional>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A compute node's servers: a first-come first-served queue in front of K identical
 * servers, each serving one request at a time for a service time drawn from a distribution
 * (Kendall's G/G/K/K+N, N the waiting room).
 *
 * A request submitted while a server is free starts its service at once; otherwise it waits in
 * FIFO order, or, with QueueLimit requests already waiting, is refused (dropped). When its service
 * ends the request's completion callback runs, which is where the application sends the response
 * or forwards the result. The servers keep what a planner reads: arrivals, drops, the busy-server
 * time integral (utilisation), the summed waiting and service times, the longest queue.
 *
 * Power: each server draws IdlePower when idle and MaxPower when busy, linear in between, the shape
 * SPECpower_ssj2008 measures at its graduated load levels (doc/compute.rst); so the node draws
 * K x IdlePower + (MaxPower - IdlePower) x (busy servers), and its energy over a time is
 * K x IdlePower x t + (MaxPower - IdlePower) x (busy-server seconds).
 */
class ComputeServer : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ComputeServer();
    ~ComputeServer() override;

    /// What one request went through, as its completion callback is told.
    struct JobTimes
    {
        Time arrival; //!< when it was submitted
        Time wait;    //!< from arrival to the start of its service
        Time service; //!< its service time
    };

    /// Runs when a request's service ends.
    using Completion = std::function<void(const JobTimes&)>;

    /**
     * \brief Signature of the "Served" trace source.
     * \param wait the request's waiting time
     * \param service its service time
     */
    typedef void (*ServedTracedCallback)(Time wait, Time service);

    /**
     * \brief Submit a request.
     * \param done runs when its service ends (not if it is dropped)
     * \return true if it was accepted (served now or queued), false if the waiting room was full
     */
    bool Submit(Completion done);

    /**
     * \brief Fix the random stream the service times are drawn from.
     * \param stream the stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /** \return the number of servers K */
    uint32_t GetServers() const;
    /** \return the waiting room: how many requests may wait while every server is busy */
    uint32_t GetQueueLimit() const;
    /** \return the requests submitted so far */
    uint64_t GetArrivals() const;
    /** \return the requests refused because the waiting room was full */
    uint64_t GetDropped() const;
    /** \return the requests whose service has ended */
    uint64_t GetServed() const;
    /** \return the servers busy now */
    uint32_t GetBusyServers() const;
    /** \return the requests waiting now */
    uint32_t GetQueueLength() const;
    /** \return the most requests that waited at once */
    uint32_t GetMaxQueueLength() const;
    /** \return the waiting times of the served requests, summed, in seconds */
    double GetTotalWaitSeconds() const;
    /** \return the service times of the served requests, summed, in seconds */
    double GetTotalServiceSeconds() const;
    /**
     * \param now a time not before the last change of state (normally Simulator::Now())
     * \return the number of busy servers integrated over [0, now], in server-seconds
     */
    double GetBusyServerSeconds(Time now) const;
    /**
     * \param now as for GetBusyServerSeconds
     * \return the servers' energy over [0, now] in joules (IdlePower and MaxPower per server)
     */
    double GetEnergyJoules(Time now) const;
    /** \return the power of one idle server, W */
    double GetIdlePower() const;
    /** \return the power of one busy server, W */
    double GetMaxPower() const;

  protected:
    void DoDispose() override;

  private:
    /// A request waiting for a server.
    struct Job
    {
        Time arrival;    //!< when it was submitted
        Completion done; //!< what runs when its service ends
    };

    /**
     * \brief Start serving a request on a free server.
     * \param job the request
     */
    void StartService(Job job);

    /**
     * \brief A service has ended: free the server, tell the request, start the next one.
     * \param job the request served
     * \param times what it went through
     */
    void EndService(const Job& job, JobTimes times);

    /**
     * \brief Add the busy servers' time since the last change to the integral.
     */
    void Integrate();

    uint32_t m_servers;                       //!< K
    uint32_t m_queueLimit;                    //!< waiting room
    Ptr<RandomVariableStream> m_serviceTime;  //!< service time draws, seconds
    double m_idlePowerW;                      //!< one idle server, W
    double m_maxPowerW;                       //!< one busy server, W
    std::deque<Job> m_queue;                  //!< requests waiting, oldest first
    uint32_t m_busy;                          //!< servers busy now
    uint64_t m_arrivals;                      //!< requests submitted
    uint64_t m_dropped;                       //!< requests refused
    uint64_t m_served;                        //!< services ended
    uint32_t m_maxQueue;                      //!< longest queue seen
    double m_waitSeconds;                     //!< summed waits of served requests
    double m_serviceSeconds;                  //!< summed service times of served requests
    double m_busyServerSeconds;               //!< integral of m_busy up to m_lastChange
    Time m_lastChange;                        //!< when m_busy last changed
    TracedCallback<uint32_t> m_dropTrace;     //!< a request refused, with the queue length
    TracedCallback<Time, Time> m_servedTrace; //!< a service ended: its wait and service time
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_COMPUTE_SERVER_H
