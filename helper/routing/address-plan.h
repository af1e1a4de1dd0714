/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_ADDRESS_PLAN_H
#define BLUEPRINT_ADDRESS_PLAN_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Gives every link of a scenario its IPv4 subnet and brings its interfaces up.
 *
 * Point-to-point links get /30 networks from 10.0.0.0/9 (two million links); multi-access
 * networks (a cell and its UEs) get the smallest aligned subnet that holds them from
 * 10.128.0.0/9. Ipv4AddressHelper would do the same through ns-3's global address generator,
 * which checks every new address against a list of all earlier ones: quadratic in the number of
 * links, and 29 % of the set-up time of a 10,000-link scenario. This plan is linear. Like
 * Ipv4AddressHelper, it installs ns-3's default queue disc on every device that has a
 * transmit queue interface and no queue disc yet.
 */
class AddressPlan
{
  public:
    /// The most point-to-point links the /30 networks of 10.0.0.0/9 address.
    static constexpr uint64_t MAX_POINT_TO_POINT_LINKS = (uint64_t{1} << 21) - 1;
    /// The most devices of multi-access networks that surely fit 10.128.0.0/9: half its
    /// addresses, since each network takes an aligned power-of-two block at most twice its size.
    static constexpr uint64_t MAX_SUBNET_DEVICES = uint64_t{1} << 22;

    /**
     * \brief Address both ends of a point-to-point link.
     * \param devices the two devices
     * \throw std::length_error when the /30 space is used up
     */
    void AssignPointToPoint(const NetDeviceContainer& devices);

    /**
     * \brief Address every device of one multi-access network, in container order.
     * \param devices the devices (the first is usually the base station)
     * \throw std::length_error when the subnet space is used up
     */
    void AssignSubnet(const NetDeviceContainer& devices);

  private:
    /**
     * \brief Add an address to a device's interface (creating it) and bring it up.
     * \param device the device
     * \param address its address
     * \param mask the subnet mask
     */
    static void Configure(Ptr<NetDevice> device, Ipv4Address address, Ipv4Mask mask);

    uint32_t m_nextPointToPoint = 0; //!< /30 networks handed out
    uint32_t m_nextSubnet = 0;       //!< offset into 10.128.0.0/9 of the next free address
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_ADDRESS_PLAN_H
