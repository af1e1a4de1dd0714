/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/site-reader.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

const std::vector<std::string> kSiteKeys = {"position", "pue", "description"};

/// How one coordinate of a position is written.
struct Coordinate
{
    bool angle = false;  //!< a latitude or longitude (with its hemisphere letter)
    char hemisphere = 0; //!< N, S, E or W
    double value = 0;    //!< degrees (signed: south and west negative), or metres
    std::string text;    //!< as written
    SourceMark mark;     //!< where
};

/// "37.39N", "136.9 E" or "37.39°N": the number of degrees and the hemisphere; false if the text
/// does not end in a hemisphere letter.
bool
ParseAngle(const std::string& original, double& degrees, char& hemisphere)
{
    std::string text = original;
    while (!text.empty() && text.back() == ' ')
    {
        text.pop_back();
    }
    if (text.empty() || std::string("NSEWnsew").find(text.back()) == std::string::npos)
    {
        return false;
    }
    hemisphere = text.back();
    text.pop_back();
    const std::string degreeSign = "\xC2\xB0"; // U+00B0 in UTF-8
    while (!text.empty() && text.back() == ' ')
    {
        text.pop_back();
    }
    if (text.size() >= degreeSign.size() &&
        text.compare(text.size() - degreeSign.size(), degreeSign.size(), degreeSign) == 0)
    {
        text.erase(text.size() - degreeSign.size());
    }
    degrees = -1;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), degrees);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() ||
        !std::isfinite(degrees))
    {
        degrees = -1; // a hemisphere letter after something that is not a plain number
    }
    return true;
}

/// One coordinate of a position: a latitude or longitude with its hemisphere, or a length.
Coordinate
ReadCoordinate(const ConfigNode& node, const std::string& context)
{
    Coordinate c;
    c.text = node.AsString();
    c.mark = node.GetMark();
    double degrees = 0;
    if (ParseAngle(c.text, degrees, c.hemisphere))
    {
        c.angle = true;
        if (std::islower(static_cast<unsigned char>(c.hemisphere)))
        {
            throw InputError(c.mark,
                             context + ": write the hemisphere of '" + c.text +
                                 "' as a capital letter (N, S, E or W)");
        }
        if (degrees < 0)
        {
            throw InputError(c.mark,
                             context + ": '" + c.text +
                                 "' is not a latitude or longitude; write degrees as a plain "
                                 "decimal number and its hemisphere, e.g. 37.39N or 136.9E");
        }
        c.value = (c.hemisphere == 'S' || c.hemisphere == 'W') ? -degrees : degrees;
        return c;
    }
    c.value = ReadSignedLength(node);
    return c;
}

/**
 * A latitude and longitude (and an optional altitude) from a position's items, the first two
 * known to be angles.
 */
EarthPosition
ReadEarthPosition(const std::vector<Coordinate>& c,
                  const ConfigNode* altitude,
                  const std::string& context)
{
    if (c[0].hemisphere != 'N' && c[0].hemisphere != 'S')
    {
        throw InputError(c[0].mark,
                         context +
                             ": the latitude comes first, with N or S, then the longitude "
                             "with E or W, e.g. [37.39N, 136.90E]; '" +
                             c[0].text + "' is not a latitude");
    }
    if (c[1].hemisphere != 'E' && c[1].hemisphere != 'W')
    {
        throw InputError(c[1].mark,
                         context +
                             ": the longitude comes second, with E or W, e.g. [37.39N, "
                             "136.90E]; '" +
                             c[1].text + "' is not a longitude");
    }
    if (std::abs(c[0].value) > 90)
    {
        throw InputError(c[0].mark,
                         context + ": latitude " + c[0].text +
                             " is beyond the pole; latitudes run from 90S to 90N");
    }
    if (std::abs(c[1].value) > 180)
    {
        throw InputError(c[1].mark,
                         context + ": longitude " + c[1].text +
                             " is beyond 180 degrees; longitudes run from 180W to 180E");
    }
    EarthPosition p;
    p.latitudeDeg = c[0].value;
    p.longitudeDeg = c[1].value;
    if (altitude)
    {
        p.altitudeM = ReadSignedLength(*altitude);
        // The Dead Sea shore to above Everest's summit: a typo otherwise.
        if (p.altitudeM < -500 || p.altitudeM > 9000)
        {
            throw InputError(altitude->GetMark(),
                             context + ": altitude " + altitude->AsString() +
                                 " is not a place on the ground; it is the height above the "
                                 "WGS84 ellipsoid, from -500m to 9km");
        }
    }
    return p;
}

/// A position: metres on the plane (x, y) or a place on the Earth.
struct Position
{
    std::optional<EarthPosition> earth; //!< when given by latitude and longitude
    double x = 0;                       //!< metres east, when given so
    double y = 0;                       //!< metres north, when given so
};

Position
ReadPosition(const ConfigNode& node, const std::string& context, bool earthOnly)
{
    const std::string usage =
        earthOnly ? "a latitude and longitude with their hemispheres, e.g. [35.68N, 139.77E]"
                  : "[east, north] in metres of the origin, e.g. [2km, 500m], or a latitude and "
                    "longitude with their hemispheres and an optional altitude, e.g. [37.39N, "
                    "136.90E] or [37.39N, 136.90E, 30m]";
    if (!node.IsSequence() || node.GetItems().size() < 2 || node.GetItems().size() > 3)
    {
        throw InputError(node.GetMark(), context + " is " + usage);
    }
    const auto& items = node.GetItems();
    std::vector<Coordinate> c;
    for (std::size_t i = 0; i < 2; ++i)
    {
        if (!items[i].IsScalar())
        {
            throw InputError(items[i].GetMark(), context + " is " + usage);
        }
        c.push_back(ReadCoordinate(items[i], context));
    }
    if (c[0].angle != c[1].angle)
    {
        const Coordinate& angle = c[0].angle ? c[0] : c[1];
        const Coordinate& length = c[0].angle ? c[1] : c[0];
        throw InputError(c[1].mark,
                         context + " mixes a latitude or longitude (" + angle.text +
                             ") with a length (" + length.text +
                             "); give both in metres, [east, north], or both in degrees, "
                             "[latitude, longitude] such as [37.39N, 136.90E]");
    }
    Position p;
    if (c[0].angle)
    {
        p.earth = ReadEarthPosition(c, items.size() == 3 ? &items[2] : nullptr, context);
        return p;
    }
    if (earthOnly)
    {
        throw InputError(node.GetMark(), context + " is " + usage);
    }
    if (items.size() == 3)
    {
        throw InputError(items[2].GetMark(),
                         context + ": a position in metres is [east, north]; an altitude comes "
                                   "with a latitude and longitude, e.g. [37.39N, 136.90E, 30m]");
    }
    p.x = c[0].value;
    p.y = c[1].value;
    return p;
}

/// "37.39N, 136.9E"
std::string
Describe(const EarthPosition& p)
{
    std::ostringstream out;
    out << std::abs(p.latitudeDeg) << (p.latitudeDeg < 0 ? "S" : "N") << ", "
        << std::abs(p.longitudeDeg) << (p.longitudeDeg < 0 ? "W" : "E");
    return out.str();
}

} // namespace

double
ReadSignedLength(const ConfigNode& node)
{
    const std::string& text = node.GetScalar();
    if (!text.empty() && text[0] == '-')
    {
        return -ConfigNode::MakeScalar(text.substr(1), node.GetMark()).AsLength();
    }
    return node.AsLength();
}

void
ReadSites(const ConfigNode& root, ScenarioSpec& spec)
{
    if (const ConfigNode* origin = root.Find("origin"))
    {
        spec.origin = ReadPosition(*origin, "origin", true).earth;
        spec.originWritten = true;
        spec.originMark = origin->GetMark();
    }
    const ConfigNode& sites = root.Get("sites", "scenario");
    std::optional<std::size_t> firstOnEarth;
    std::optional<std::size_t> firstInMetres;
    for (const auto& [name, site] : sites.GetEntries())
    {
        std::string context = "site '" + name + "'";
        site.CheckKeys(kSiteKeys, context);
        SiteSpec s;
        s.name = name;
        s.mark = sites.GetKeyMark(name);
        const ConfigNode& position = site.Get("position", context);
        s.positionMark = position.GetMark();
        const Position p = ReadPosition(position, context + ": position", false);
        s.earth = p.earth;
        s.x = p.x;
        s.y = p.y;
        std::optional<std::size_t>& first = s.earth ? firstOnEarth : firstInMetres;
        if (!first)
        {
            first = spec.sites.size();
        }
        if (const ConfigNode* pue = site.Find("pue"))
        {
            s.pue = pue->AsDouble();
            if (*s.pue < 1.0)
            {
                throw InputError(pue->GetMark(),
                                 context + ": pue must be at least 1 (total power / IT power)");
            }
        }
        spec.sites.push_back(s);
    }
    if (!firstOnEarth)
    {
        return; // every site in metres: the plane needs no place on the Earth
    }
    if (!spec.origin)
    {
        if (firstInMetres)
        {
            const SiteSpec& metres = spec.sites[*firstInMetres];
            const SiteSpec& earth = spec.sites[*firstOnEarth];
            throw InputError(metres.positionMark,
                             "site '" + metres.name +
                                 "' is placed in metres east and north, but site '" + earth.name +
                                 "' by latitude and longitude: write the origin the metres are "
                                 "measured from, e.g. origin: [" +
                                 Describe(*earth.earth) + "]");
        }
        spec.origin = spec.sites[*firstOnEarth].earth;
        spec.origin->altitudeM = 0;
    }
    const GeographicFrame frame = *ScenarioFrame(spec);
    for (SiteSpec& s : spec.sites)
    {
        if (!s.earth)
        {
            continue;
        }
        const double fromOrigin = GeographicFrame::GreatCircleDistance(spec.origin->latitudeDeg,
                                                                       spec.origin->longitudeDeg,
                                                                       s.earth->latitudeDeg,
                                                                       s.earth->longitudeDeg);
        if (fromOrigin > kMaxSiteDistanceFromOriginM)
        {
            std::ostringstream message;
            message << "site '" << s.name << "' is " << std::round(fromOrigin / 1e3)
                    << " km from the origin (" << Describe(*spec.origin)
                    << "); a scenario's sites lie within " << kMaxSiteDistanceFromOriginM / 1e3
                    << " km of its origin, where its local plane stays within 11 % of the ground";
            throw InputError(s.positionMark, message.str());
        }
        const Vector local =
            frame.GeographicToLocal(s.earth->latitudeDeg, s.earth->longitudeDeg, 0.0);
        s.x = local.x;
        s.y = local.y;
    }
}

std::optional<GeographicFrame>
ScenarioFrame(const ScenarioSpec& spec)
{
    if (!spec.origin)
    {
        return std::nullopt;
    }
    return GeographicFrame(spec.origin->latitudeDeg,
                           spec.origin->longitudeDeg,
                           spec.origin->altitudeM);
}

double
GroundDistance(const ScenarioSpec& spec,
               const SiteSpec& siteA,
               std::pair<double, double> planeA,
               const SiteSpec& siteB,
               std::pair<double, double> planeB)
{
    if (!siteA.earth && !siteB.earth)
    {
        return std::hypot(planeA.first - planeB.first, planeA.second - planeB.second);
    }
    const GeographicFrame frame = *ScenarioFrame(spec);
    // A place at its site's own position keeps the latitude and longitude it was given by.
    auto onEarth = [&frame](const SiteSpec& site, std::pair<double, double> plane) {
        if (site.earth && plane.first == site.x && plane.second == site.y)
        {
            return Vector(site.earth->latitudeDeg, site.earth->longitudeDeg, 0.0);
        }
        return frame.LocalToGeographic(Vector(plane.first, plane.second, 0.0));
    };
    const Vector a = onEarth(siteA, planeA);
    const Vector b = onEarth(siteB, planeB);
    return GeographicFrame::GreatCircleDistance(a.x, a.y, b.x, b.y);
}

double
SiteDistance(const ScenarioSpec& spec, const SiteSpec& a, const SiteSpec& b)
{
    return GroundDistance(spec, a, {a.x, a.y}, b, {b.x, b.y});
}

GroundPoint
PlaceOnEarth(const GeographicFrame& frame,
             const SiteSpec& site,
             std::pair<double, double> plane,
             double heightM)
{
    const double altitude = site.earth ? site.earth->altitudeM : 0.0;
    if (site.earth && plane.first == site.x && plane.second == site.y)
    {
        return frame.MakePoint(site.earth->latitudeDeg,
                               site.earth->longitudeDeg,
                               altitude + heightM);
    }
    return frame.MakePoint(Vector(plane.first, plane.second, altitude + heightM));
}

} // namespace blueprint
} // namespace ns3
