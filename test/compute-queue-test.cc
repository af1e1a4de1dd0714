/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The compute node's queue (ComputeServer) against queueing theory's closed forms, with Poisson
 * arrivals submitted straight to it (no network): the mean waiting time in queue Wq of M/M/1 and
 * M/M/c (Erlang's C formula), of M/D/1 and M/G/1 with lognormal service (the Pollaczek-Khinchine
 * mean-value formula), the blocking of the loss system M/M/c/c (Erlang's B formula), and what an
 * overloaded server with a bounded waiting room does.
 *
 * Closed forms: L. Kleinrock, Queueing Systems, Vol. 1: Theory (Wiley, 1975), chapter 3 (M/M/1;
 * M/M/m with Erlang's C formula; M/M/m/m with Erlang's B formula) and chapter 5 (M/G/1, the
 * Pollaczek-Khinchine mean-value formula Wq = lambda E[S^2] / (2 (1 - rho))); the same in Gross,
 * Shortle, Thompson and Harris, Fundamentals of Queueing Theory, 4th ed. (Wiley, 2008), chapters 2
 * and 5.
 *
 * Tolerance: each case runs 2 x 10^5 to 3 x 10^5 arrivals after a warm-up of 10^4, which puts the
 * standard error of the mean wait near 1 % (M/M/1 at rho = 0.5: the asymptotic variance of the
 * mean of n waits, rho (2 + 5 rho - 4 rho^2 + rho^3) / (mu^2 (1 - rho)^4) / n, gives 1.2 %). Every
 * closed form must lie within 5 % of the measured mean and within its 99 % confidence interval
 * from 20 batch means (half widths 2.4 to 3.3 % here; measured on 2026-12-05: M/M/1 +1.1 %,
 * M/M/4 +0.6 %, M/D/1 -0.5 %, M/G/1 lognormal +0.4 %; Erlang B blocking 0.2115 against 0.2105,
 * +0.5 %, within its 3 %). Seeds are fixed, so the test is deterministic.
 */

#include "model/compute/compute-server.h"

#include "ns3/double.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

/// What a run of a queue measured.
struct Measured
{
    double meanWait = 0;       //!< mean waiting time in queue of the measured arrivals, s
    double halfWidth99 = 0;    //!< half width of the 99 % batch-means interval, s
    double blocking = 0;       //!< dropped over submitted, measured arrivals
    double utilisation = 0;    //!< busy-server time over K x the measured time
    double firstHalfWait = 0;  //!< mean wait of the first half of the measured arrivals, s
    double secondHalfWait = 0; //!< mean wait of the second half, s
    double energyJoules = 0;   //!< the servers' energy at the end
    double busySeconds = 0;    //!< busy-server seconds at the end
    double endSeconds = 0;     //!< when the last arrival was submitted
    uint64_t served = 0;       //!< services ended
    uint64_t dropped = 0;      //!< refused
};

/// One queue fed by a Poisson process of rate lambda.
class PoissonFeed
{
  public:
    PoissonFeed(Ptr<ComputeServer> server, double lambda, uint64_t warmUp, uint64_t arrivals)
        : m_server(server),
          m_warmUp(warmUp),
          m_arrivals(arrivals),
          m_waits(arrivals, -1)
    {
        m_gaps = CreateObject<ExponentialRandomVariable>();
        m_gaps->SetAttribute("Mean", DoubleValue(1 / lambda));
        m_gaps->SetStream(7);
    }

    /// Run to the end of the last service and summarise.
    Measured Run()
    {
        Simulator::ScheduleNow(&PoissonFeed::Arrive, this);
        Simulator::Run();
        Measured m;
        const Time now = Simulator::Now();
        m.energyJoules = m_server->GetEnergyJoules(now);
        m.busySeconds = m_server->GetBusyServerSeconds(now);
        m.served = m_server->GetServed();
        m.dropped = m_server->GetDropped();
        m.endSeconds = m_lastArrival;
        m.utilisation = (m_busyAtEnd - m_busyAtWarmUp) /
                        (m_server->GetServers() * (m_lastArrival - m_warmUpTime));
        // Waits of the measured arrivals that were served, in arrival order, and batch means.
        std::vector<double> served;
        uint64_t refused = 0;
        for (double w : m_waits)
        {
            if (w < 0)
            {
                ++refused;
                continue;
            }
            served.push_back(w);
        }
        m.blocking = static_cast<double>(refused) / static_cast<double>(m_waits.size());
        double sum = 0;
        for (double w : served)
        {
            sum += w;
        }
        m.meanWait = served.empty() ? 0 : sum / static_cast<double>(served.size());
        const std::size_t batches = 20;
        const std::size_t size = served.size() / batches;
        double s2 = 0;
        for (std::size_t b = 0; b < batches && size > 0; ++b)
        {
            double batch = 0;
            for (std::size_t i = b * size; i < (b + 1) * size; ++i)
            {
                batch += served[i];
            }
            batch /= static_cast<double>(size);
            s2 += (batch - m.meanWait) * (batch - m.meanWait);
        }
        // Student's t with 19 degrees of freedom, two-sided 99 %: 2.861.
        m.halfWidth99 = 2.861 * std::sqrt(s2 / (batches - 1) / batches);
        const std::size_t half = served.size() / 2;
        double first = 0;
        double second = 0;
        for (std::size_t i = 0; i < served.size(); ++i)
        {
            (i < half ? first : second) += served[i];
        }
        m.firstHalfWait = half ? first / static_cast<double>(half) : 0;
        m.secondHalfWait =
            served.size() > half ? second / static_cast<double>(served.size() - half) : 0;
        return m;
    }

  private:
    void Arrive()
    {
        const uint64_t k = m_submitted++;
        if (k == m_warmUp)
        {
            m_warmUpTime = Simulator::Now().GetSeconds();
            m_busyAtWarmUp = m_server->GetBusyServerSeconds(Simulator::Now());
        }
        double* slot = k >= m_warmUp ? &m_waits[k - m_warmUp] : nullptr;
        m_server->Submit([slot](const ComputeServer::JobTimes& t) {
            if (slot)
            {
                *slot = t.wait.GetSeconds();
            }
        });
        if (m_submitted < m_warmUp + m_arrivals)
        {
            Simulator::Schedule(Seconds(m_gaps->GetValue()), &PoissonFeed::Arrive, this);
        }
        else
        {
            m_lastArrival = Simulator::Now().GetSeconds();
            m_busyAtEnd = m_server->GetBusyServerSeconds(Simulator::Now());
        }
    }

    Ptr<ComputeServer> m_server;
    Ptr<ExponentialRandomVariable> m_gaps;
    uint64_t m_warmUp;
    uint64_t m_arrivals;
    uint64_t m_submitted = 0;
    std::vector<double> m_waits; //!< per measured arrival, its wait (-1: refused)
    double m_warmUpTime = 0;
    double m_busyAtWarmUp = 0;
    double m_busyAtEnd = 0;
    double m_lastArrival = 0;
};

/// A queue of K servers with a service time distribution.
Ptr<ComputeServer>
MakeServer(uint32_t servers, uint32_t queue, Ptr<RandomVariableStream> service)
{
    Ptr<ComputeServer> s = CreateObject<ComputeServer>();
    s->SetAttribute("Servers", UintegerValue(servers));
    s->SetAttribute("QueueLimit", UintegerValue(queue));
    s->SetAttribute("ServiceTime", PointerValue(service));
    s->AssignStreams(11);
    return s;
}

Ptr<RandomVariableStream>
Exponential(double mean)
{
    Ptr<ExponentialRandomVariable> v = CreateObject<ExponentialRandomVariable>();
    v->SetAttribute("Mean", DoubleValue(mean));
    v->SetAttribute("Bound", DoubleValue(0));
    return v;
}

/// Erlang's C formula: the probability that an arrival waits in M/M/c with offered load a = lambda
/// / mu erlangs (a < c).
double
ErlangC(uint32_t c, double a)
{
    double term = 1; // a^k / k!
    double sum = 0;
    for (uint32_t k = 0; k < c; ++k)
    {
        sum += term;
        term *= a / (k + 1);
    }
    const double last = term * c / (c - a); // a^c / c! x c / (c - a)
    return last / (sum + last);
}

/// Erlang's B formula by its recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
double
ErlangB(uint32_t c, double a)
{
    double b = 1;
    for (uint32_t k = 1; k <= c; ++k)
    {
        b = a * b / (k + a * b);
    }
    return b;
}

class ComputeQueueTest : public testing::Test
{
  protected:
    void SetUp() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    /// Expect a measured mean wait to agree with the closed form (see the file's comment).
    static void ExpectWait(const Measured& m, double expected, const std::string& what)
    {
        EXPECT_NEAR(m.meanWait, expected, 0.05 * expected) << what;
        EXPECT_LE(std::abs(m.meanWait - expected), m.halfWidth99)
            << what << ": outside the 99 % interval, half width " << m.halfWidth99 * 1e3 << " ms";
    }
};

TEST_F(ComputeQueueTest, MM1MeanWaitMatchesTheClosedForm)
{
    // mu = 100/s, lambda = 50/s: rho = 0.5, Wq = rho / (mu - lambda) = 10 ms.
    const double mu = 100;
    const double lambda = 50;
    PoissonFeed feed(MakeServer(1, 1000000, Exponential(1 / mu)), lambda, 10000, 200000);
    const Measured m = feed.Run();
    ExpectWait(m, (lambda / mu) / (mu - lambda), "M/M/1");
    EXPECT_NEAR(m.utilisation, lambda / mu, 0.02);
    EXPECT_EQ(m.dropped, 0u);
}

TEST_F(ComputeQueueTest, MMcMeanWaitMatchesErlangC)
{
    // Four servers, mu = 100/s each, lambda = 300/s: a = 3 erlangs, rho = 0.75;
    // Wq = C(4, 3) / (c mu - lambda) = 0.5094 / 100 s = 5.09 ms.
    const double mu = 100;
    const double lambda = 300;
    const uint32_t c = 4;
    PoissonFeed feed(MakeServer(c, 1000000, Exponential(1 / mu)), lambda, 10000, 300000);
    const Measured m = feed.Run();
    const double expected = ErlangC(c, lambda / mu) / (c * mu - lambda);
    EXPECT_NEAR(ErlangC(c, 3), 0.5094, 0.0001); // the formula itself, worked by hand
    ExpectWait(m, expected, "M/M/4");
    EXPECT_NEAR(m.utilisation, lambda / (c * mu), 0.02);
}

TEST_F(ComputeQueueTest, MD1MeanWaitMatchesPollaczekKhinchine)
{
    // Deterministic 10 ms service, lambda = 70/s: rho = 0.7, Wq = rho D / (2 (1 - rho)) = 11.67 ms.
    const double d = 0.010;
    const double lambda = 70;
    Ptr<ConstantRandomVariable> service = CreateObject<ConstantRandomVariable>();
    service->SetAttribute("Constant", DoubleValue(d));
    PoissonFeed feed(MakeServer(1, 1000000, service), lambda, 10000, 200000);
    const Measured m = feed.Run();
    const double rho = lambda * d;
    ExpectWait(m, rho * d / (2 * (1 - rho)), "M/D/1");
}

TEST_F(ComputeQueueTest, MG1LognormalMeanWaitMatchesPollaczekKhinchine)
{
    // Lognormal service, mean 10 ms and cv 0.5 as the reader parameterises it (sigma^2 =
    // ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2), lambda = 60/s: rho = 0.6,
    // Wq = rho (1 + cv^2) E[S] / (2 (1 - rho)) = 9.375 ms.
    const double mean = 0.010;
    const double cv = 0.5;
    const double lambda = 60;
    const double sigma2 = std::log1p(cv * cv);
    Ptr<LogNormalRandomVariable> service = CreateObject<LogNormalRandomVariable>();
    service->SetAttribute("Mu", DoubleValue(std::log(mean) - sigma2 / 2));
    service->SetAttribute("Sigma", DoubleValue(std::sqrt(sigma2)));
    PoissonFeed feed(MakeServer(1, 1000000, service), lambda, 10000, 250000);
    const Measured m = feed.Run();
    const double rho = lambda * mean;
    ExpectWait(m, rho * (1 + cv * cv) * mean / (2 * (1 - rho)), "M/G/1 lognormal");
}

TEST_F(ComputeQueueTest, LossSystemBlocksAsErlangB)
{
    // Three servers and no waiting room (M/M/3/3), a = 2 erlangs: B(3, 2) = 0.2105.
    const double mu = 100;
    const double lambda = 200;
    PoissonFeed feed(MakeServer(3, 0, Exponential(1 / mu)), lambda, 10000, 200000);
    const Measured m = feed.Run();
    EXPECT_NEAR(ErlangB(3, 2), 0.2105, 0.0001); // the recursion, worked by hand
    EXPECT_NEAR(m.blocking, ErlangB(3, lambda / mu), 0.03 * ErlangB(3, lambda / mu));
    EXPECT_DOUBLE_EQ(m.meanWait, 0); // nobody waits in a loss system
}

TEST_F(ComputeQueueTest, OverloadedServerDropsAndItsWaitGrowsToTheQueueBound)
{
    // 1.5 times what one server of 10 ms serves, a waiting room of 100: the queue fills, the wait
    // grows to about 100 services (1 s) and a third of the requests are refused; the run ends
    // when the arrivals stop, with utilisation at most 1.
    const double mu = 100;
    const double lambda = 150;
    const uint32_t room = 100;
    PoissonFeed feed(MakeServer(1, room, Exponential(1 / mu)), lambda, 0, 30000);
    const Measured m = feed.Run();
    EXPECT_GT(m.dropped, 0u);
    EXPECT_NEAR(m.blocking, 1 - mu / lambda, 0.02); // the server serves mu, the rest is dropped
    EXPECT_LE(m.utilisation, 1.0);
    EXPECT_GT(m.utilisation, 0.99);
    EXPECT_GT(m.secondHalfWait, m.firstHalfWait); // the queue builds from empty
    EXPECT_LT(m.meanWait, (room + 1) / mu);       // never beyond a full room's services
    EXPECT_GT(m.meanWait, 0.9 * room / mu);       // and close to it once full
}

TEST_F(ComputeQueueTest, ServiceDrawsStayBetweenZeroAndWhatTheClockHolds)
{
    // A researcher's distribution may draw below zero or far beyond ns-3's clock: the service
    // takes 0 s, or 1e9 s (the longest time a scenario may write), never a time ns-3 cannot
    // schedule.
    for (const auto& [draw, expected] : {std::pair{-5.0, 0.0}, std::pair{1e12, 1e9}})
    {
        Ptr<ConstantRandomVariable> service = CreateObject<ConstantRandomVariable>();
        service->SetAttribute("Constant", DoubleValue(draw));
        Ptr<ComputeServer> server = MakeServer(1, 10, service);
        double ended = -1;
        server->Submit([&ended](const ComputeServer::JobTimes& t) {
            ended = Simulator::Now().GetSeconds();
            EXPECT_DOUBLE_EQ(t.service.GetSeconds(), ended);
        });
        Simulator::Run();
        EXPECT_DOUBLE_EQ(ended, expected) << "a draw of " << draw << " s";
        Simulator::Destroy();
    }
}

TEST_F(ComputeQueueTest, ServersDrawIdlePowerPlusTheirBusyShare)
{
    // Two servers at 86.4 W idle and 562 W busy (the reader's SPECpower defaults): energy =
    // K x idle x t + (max - idle) x busy-server seconds.
    Ptr<ComputeServer> server = MakeServer(2, 1000, Exponential(0.01));
    server->SetAttribute("IdlePower", DoubleValue(86.4));
    server->SetAttribute("MaxPower", DoubleValue(562));
    PoissonFeed feed(server, 100, 0, 20000);
    const Measured m = feed.Run();
    const double t = Simulator::Now().GetSeconds();
    EXPECT_NEAR(m.energyJoules, 2 * 86.4 * t + (562 - 86.4) * m.busySeconds, 1e-6);
    EXPECT_NEAR(m.busySeconds / (2 * t), 0.5, 0.02); // a = 1 erlang on two servers
}

} // namespace
