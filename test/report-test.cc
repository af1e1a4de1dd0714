/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `blueprint report DIR`: the page names every configuration, embeds one valid, non-blank PNG
 * per chart (latency, energy, cost, Pareto, growth, delay segments, timelines), renders in
 * headless Chromium, and refuses bad folders and output paths with exit status 2. The compare
 * folder is made once by running `blueprint compare` on a small scenario, then given the
 * growth.json, `segments` and `cost_share` of issue 13's other items as their contracts write
 * them (doc/report.rst).
 */

#include "cli-support.h"
#include "group-fixtures.h"
#include "helper/report/report-html.h"

#include <nlohmann/json.hpp>
#include <set>
#include <zlib.h>

namespace
{

using namespace blueprint_test;
using nlohmann::json;

/// Two wired sites; a faulted, a starved and a timeline alternative beside the base.
const std::string kTown = R"(blueprint: 1
name: town-link
duration: 4s
seed: 1
economics: {currency: JPY, discount_rate: 3%}
sites:
  a: {position: [0km, 0km]}
  b: {position: [30km, 0km]}
nodes:
  office: {site: a, equipment: router}
  hall: {site: b, equipment: server}
links:
  trunk: {between: [office, hall], profile: fiber, rate: 100Mbps}
flows:
  video:
    from: office
    to: hall
    traffic: {pattern: constant_rate, rate: 8Mbps, size: 1200B}
    requirements: {latency: 20ms, reliability: 99%, throughput: 7Mbps, loss: 1%}
  query:
    from: hall
    to: office
    traffic: {pattern: request_response, interval: 10ms, size: 200B, response_size: 300B}
    requirements: {rtt: 10ms, reliability: 99%}
alternatives:
  thin-trunk:
    description: A 6 Mbit/s trunk
    changes: {links: {trunk: {rate: 6Mbps}}}
  trunk-cut:
    description: The trunk is cut for half a second
    changes:
      events:
        - {at: 1s, until: 1.5s, cut: trunk}
  night-squeeze:
    description: The trunk shrinks to 6 Mbit/s at night
    changes:
      timeline:
        horizon: 1d
        phases:
          - {name: day, at: 0s}
          - {name: night, at: 12h, changes: {links: {trunk: {rate: 6Mbps}}}}
)";

const std::vector<std::string> kConfigurations{"base", "thin-trunk", "trunk-cut", "night-squeeze"};

/// A decoded PNG: its size and its pixels as RGB.
struct Image
{
    uint32_t width = 0;
    uint32_t height = 0;
    std::vector<uint8_t> rgb; //!< width x height x 3
};

uint32_t
BigEndian(const std::string& s, std::size_t at)
{
    return static_cast<uint32_t>(static_cast<uint8_t>(s[at])) << 24 |
           static_cast<uint32_t>(static_cast<uint8_t>(s[at + 1])) << 16 |
           static_cast<uint32_t>(static_cast<uint8_t>(s[at + 2])) << 8 |
           static_cast<uint32_t>(static_cast<uint8_t>(s[at + 3]));
}

/**
 * Decodes a PNG of 8-bit RGB or RGBA, non-interlaced (what gnuplot's pngcairo and Chromium
 * write), checking everything a viewer relies on: the signature, every chunk's CRC (ISO/IEC
 * 15948, 5.3), IHDR first and IEND last, and the inflated image data's size and filters
 * (clause 9). Fails the test, saying what is wrong, for anything else.
 */
Image
DecodePng(const std::string& png, const std::string& what)
{
    Image image;
    const std::string signature("\x89PNG\r\n\x1a\n", 8);
    EXPECT_EQ(png.substr(0, 8), signature) << what << ": not a PNG";
    if (png.substr(0, 8) != signature)
    {
        return image;
    }
    std::string idat;
    std::size_t at = 8;
    int channels = 0;
    bool ended = false;
    while (at + 12 <= png.size() && !ended)
    {
        const uint32_t length = BigEndian(png, at);
        const std::string type = png.substr(at + 4, 4);
        if (at + 12 + length > png.size())
        {
            ADD_FAILURE() << what << ": chunk " << type << " runs past the end";
            return image;
        }
        const uint32_t crc =
            crc32(0, reinterpret_cast<const Bytef*>(png.data() + at + 4), length + 4);
        EXPECT_EQ(crc, BigEndian(png, at + 8 + length)) << what << ": bad CRC in " << type;
        const std::string data = png.substr(at + 8, length);
        if (at == 8)
        {
            EXPECT_EQ(type, "IHDR") << what;
            image.width = BigEndian(data, 0);
            image.height = BigEndian(data, 4);
            EXPECT_EQ(data[8], 8) << what << ": bit depth";
            channels = data[9] == 2 ? 3 : data[9] == 6 ? 4 : 0;
            EXPECT_NE(channels, 0) << what << ": colour type " << int(data[9]);
            EXPECT_EQ(data[12], 0) << what << ": interlaced";
        }
        if (type == "IDAT")
        {
            idat += data;
        }
        ended = type == "IEND";
        at += 12 + length;
    }
    EXPECT_TRUE(ended) << what << ": no IEND";
    if (channels == 0 || image.width == 0 || image.height == 0)
    {
        return image;
    }
    const std::size_t stride = image.width * channels;
    std::vector<uint8_t> raw((stride + 1) * image.height);
    uLongf size = raw.size();
    const int inflated =
        uncompress(raw.data(), &size, reinterpret_cast<const Bytef*>(idat.data()), idat.size());
    EXPECT_EQ(inflated, Z_OK) << what << ": image data does not inflate";
    EXPECT_EQ(size, raw.size()) << what << ": image data of the wrong size";
    if (inflated != Z_OK || size != raw.size())
    {
        return image;
    }
    std::vector<uint8_t> previous(stride, 0);
    std::vector<uint8_t> line(stride);
    image.rgb.reserve(static_cast<std::size_t>(image.width) * image.height * 3);
    for (uint32_t y = 0; y < image.height; ++y)
    {
        const uint8_t filter = raw[y * (stride + 1)];
        const uint8_t* in = &raw[y * (stride + 1) + 1];
        for (std::size_t x = 0; x < stride; ++x)
        {
            const int a = x >= static_cast<std::size_t>(channels) ? line[x - channels] : 0;
            const int b = previous[x];
            const int c = x >= static_cast<std::size_t>(channels) ? previous[x - channels] : 0;
            int predictor = 0;
            switch (filter)
            {
            case 0:
                break;
            case 1:
                predictor = a;
                break;
            case 2:
                predictor = b;
                break;
            case 3:
                predictor = (a + b) / 2;
                break;
            case 4: {
                const int p = a + b - c;
                const int pa = std::abs(p - a);
                const int pb = std::abs(p - b);
                const int pc = std::abs(p - c);
                predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                break;
            }
            default:
                ADD_FAILURE() << what << ": filter " << int(filter) << " on line " << y;
                return image;
            }
            line[x] = static_cast<uint8_t>(in[x] + predictor);
        }
        for (uint32_t x = 0; x < image.width; ++x)
        {
            image.rgb.insert(image.rgb.end(), &line[x * channels], &line[x * channels] + 3);
        }
        previous = line;
    }
    return image;
}

/// What an image holds: the share of its pixels that are not white, its distinct colours, and
/// of those the saturated ones (channels 40 or more apart: not a grey of text or rules).
struct Ink
{
    double share = 0;          //!< non-white pixels over all
    std::size_t colours = 0;   //!< distinct colours
    std::size_t saturated = 0; //!< distinct colours that are not greys
};

Ink
InkOf(const Image& image)
{
    std::size_t inked = 0;
    std::set<uint32_t> colours;
    std::set<uint32_t> saturated;
    for (std::size_t i = 0; i + 2 < image.rgb.size(); i += 3)
    {
        const uint8_t r = image.rgb[i];
        const uint8_t g = image.rgb[i + 1];
        const uint8_t b = image.rgb[i + 2];
        const uint32_t colour = r << 16 | g << 8 | b;
        inked += colour != 0xffffff;
        colours.insert(colour);
        if (std::max({r, g, b}) - std::min({r, g, b}) >= 40)
        {
            saturated.insert(colour);
        }
    }
    return {image.rgb.empty() ? 0 : inked / (image.rgb.size() / 3.0),
            colours.size(),
            saturated.size()};
}

/// Inverse of Base64 (RFC 4648, section 4).
std::string
FromBase64(const std::string& text)
{
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    uint32_t bits = 0;
    int count = 0;
    for (char c : text)
    {
        const std::size_t v = alphabet.find(c);
        if (v == std::string::npos)
        {
            continue; // '=' padding
        }
        bits = bits << 6 | static_cast<uint32_t>(v);
        count += 6;
        if (count >= 8)
        {
            count -= 8;
            out += static_cast<char>(bits >> count & 0xff);
        }
    }
    return out;
}

/// Every embedded image of a page: (figure id, bytes). Read with find, not std::regex, whose
/// backtracking recurses once per character of a 100 kB image.
std::vector<std::pair<std::string, std::string>>
EmbeddedImages(const std::string& html)
{
    std::vector<std::pair<std::string, std::string>> images;
    const std::string figure = "<figure id=\"chart-";
    const std::string data = "src=\"data:image/png;base64,";
    for (std::size_t at = html.find(figure); at != std::string::npos;
         at = html.find(figure, at + 1))
    {
        const std::size_t idEnd = html.find('"', at + figure.size());
        const std::size_t src = html.find(data, idEnd);
        const std::size_t srcEnd = html.find('"', src + data.size());
        if (idEnd == std::string::npos || src == std::string::npos || srcEnd == std::string::npos)
        {
            break;
        }
        images.emplace_back(html.substr(at + figure.size(), idEnd - at - figure.size()),
                            FromBase64(html.substr(src + data.size(), srcEnd - src - data.size())));
    }
    return images;
}

/// The number of times `what` occurs in `text`.
std::size_t
Occurrences(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    {
        ++n;
    }
    return n;
}

/// A compare folder of kTown with growth.json, segments and a cost share added, made once.
class ReportTest : public testing::Test
{
  protected:
    static void SetUpTestSuite()
    {
        s_dir = new TempDir();
        const std::string scenario = s_dir->Write("town.yaml", kTown);
        const CommandResult r =
            Blueprint("compare " + scenario + " --out " + s_dir->Path() + "/cmp", *s_dir);
        ASSERT_EQ(r.status, 0) << r.err;
        const std::string cmp = s_dir->Path() + "/cmp";
        // growth.json as `compare --years` writes it (issue 13 item 2's contract).
        s_dir->Write("cmp/growth.json", R"({"scenario": "town-link",
            "demand": {"model": "compound", "rate": 0.2, "base_year": 2025},
            "years": {"from": 2025, "to": 2040},
            "configurations": [
              {"name": "base", "first_failing_year": 2031, "failing_at_start": false,
               "probes": [{"year": 2025, "load_factor": 1, "pass": true, "failed": []},
                          {"year": 2033, "load_factor": 4.3, "pass": false,
                           "failed": ["video latency"]},
                          {"year": 2029, "load_factor": 2.07, "pass": true, "failed": []},
                          {"year": 2031, "load_factor": 2.99, "pass": false,
                           "failed": ["video throughput"]},
                          {"year": 2030, "load_factor": 2.49, "pass": true, "failed": []}]},
              {"name": "thin-trunk", "first_failing_year": 2025, "failing_at_start": true,
               "probes": [{"year": 2025, "load_factor": 1, "pass": false,
                           "failed": ["video throughput"]}]},
              {"name": "trunk-cut", "first_failing_year": null, "failing_at_start": false,
               "probes": [{"year": 2040, "load_factor": 15.4, "pass": true, "failed": []}]}]})");
        // Per flow `segments` (item 7) and a `cost_share` (item 4) in the base's result.
        const std::string resultPath = cmp + "/base/result.json";
        json result = json::parse(ReadFile(resultPath));
        for (auto& f : result["flows"])
        {
            const double mean = f.contains("rtt_ms") ? f["rtt_ms"]["mean"].get<double>()
                                                     : f["latency_ms"]["mean"].get<double>();
            f["segments"] = {
                {{"segment", "trunk"}, {"kind", "optical"}, {"mean_ms", mean * 0.7}},
                {{"segment", "office queue"}, {"kind", "queueing"}, {"mean_ms", mean * 0.3}}};
        }
        result["cost_share"] = {{"rule", "by traffic"},
                                {"parties",
                                 {{{"name", "town hall"},
                                   {"annualised_jpy", 9e6},
                                   {"capex_jpy", 1.4e8},
                                   {"subsidy_jpy", 3e6},
                                   {"pays_jpy", 6e6}},
                                  {{"name", "school board"},
                                   {"annualised_jpy", 6.7e6},
                                   {"capex_jpy", 1.0e8},
                                   {"subsidy_jpy", 0},
                                   {"pays_jpy", 6.7e6}}}}};
        std::ofstream(resultPath) << result.dump(1);
    }

    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }

    static std::string Cmp()
    {
        return s_dir->Path() + "/cmp";
    }

    static TempDir* s_dir;
};

TempDir* ReportTest::s_dir = nullptr;

TEST_F(ReportTest, NamesEveryConfigurationAndEmbedsAValidNonBlankPlotPerChart)
{
    TempDir out;
    const CommandResult r = Blueprint("report " + Cmp() + " --out " + out.Path() + "/r.html", out);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("report: " + out.Path() + "/r.html (4 configurations"), std::string::npos)
        << r.out;
    const std::string html = ReadFile(out.Path() + "/r.html");
    for (const auto& name : kConfigurations)
    {
        EXPECT_NE(html.find("<td>" + name + "</td>"), std::string::npos)
            << name << " is not in the comparison table";
    }
    // Self-contained: nothing fetched from elsewhere.
    EXPECT_EQ(html.find("http://"), std::string::npos);
    EXPECT_EQ(html.find("https://"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    const auto images = EmbeddedImages(html);
    std::set<std::string> ids;
    for (const auto& [id, png] : images)
    {
        ids.insert(id);
        SCOPED_TRACE(id);
        ASSERT_GT(png.size(), 1000u);
        const Image image = DecodePng(png, id);
        EXPECT_EQ(image.width, 1200u);
        const Ink ink = InkOf(image);
        // A frame with its axes and labels alone inks under 1 % (the empty frame gnuplot draws
        // for no data); a chart's lines, bars and labels more.
        EXPECT_GT(ink.share, 0.015) << "the chart is nearly blank";
        // Axes, grid and labels are greys; every chart draws its data in colour.
        EXPECT_GE(ink.saturated, 1u) << "the chart has no coloured line, bar or box";
    }
    const std::set<std::string> expected{"latency-0",
                                         "latency-1",
                                         "energy",
                                         "cost",
                                         "pareto",
                                         "growth",
                                         "segments-0",
                                         "segments-1",
                                         "timeline-2",
                                         "timeline-3"};
    EXPECT_EQ(ids, expected);
    // Every <img> is one of those: none left without its data.
    EXPECT_EQ(Occurrences(html, "<img "), images.size());
    // The recommendation and the cost split.
    EXPECT_NE(html.find("Build <strong>base</strong>"), std::string::npos);
    EXPECT_NE(html.find("town hall"), std::string::npos);
    EXPECT_NE(html.find("<strong>6.000 million yen</strong>"), std::string::npos)
        << "the town hall pays 9 million less a 3 million subsidy";
    EXPECT_NE(html.find("compound growth of 20 % a year"), std::string::npos);
    // A timeline's energy covers its horizon, and says so for the report to annualise it.
    EXPECT_DOUBLE_EQ(
        json::parse(ReadFile(Cmp() + "/night-squeeze/result.json"))["energy"]["metered_s"]
            .get<double>(),
        86400);
}

TEST_F(ReportTest, RendersInHeadlessChromiumWithItsPlotsDrawn)
{
    if (std::system("command -v chromium >/dev/null 2>&1") != 0)
    {
        GTEST_SKIP() << "chromium is not installed (Debian: apt-get install chromium; "
                        "scripts/install-deps.sh installs it)";
    }
    TempDir out;
    ASSERT_EQ(Blueprint("report " + Cmp() + " --out " + out.Path() + "/r.html", out).status, 0);
    // The same page without its images, to tell what the plots add to the screenshot.
    std::string bare = ReadFile(out.Path() + "/r.html");
    const std::string data = "src=\"data:image/png;base64,";
    for (std::size_t at = bare.find(data); at != std::string::npos; at = bare.find(data, at))
    {
        bare.erase(at + data.size(), bare.find('"', at + data.size()) - at - data.size());
        at += data.size();
    }
    out.Write("bare.html", bare);
    auto screenshot = [&](const std::string& page, const std::string& png) {
        // Debian 12's chromium 1xx: --headless is the new headless mode, which needs no display;
        // --no-sandbox since tests may run as root; a private profile so runs do not collide.
        const std::string command =
            "timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "
            "--virtual-time-budget=5000 --user-data-dir=" +
            out.Path() + "/profile --window-size=1280,4000 --screenshot=" + out.Path() + "/" + png +
            " file://" + out.Path() + "/" + page + " >" + out.Path() + "/chromium.log 2>&1";
        const int status = std::system(command.c_str());
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
            << command << "\n"
            << ReadFile(out.Path() + "/chromium.log");
        return ReadFile(out.Path() + "/" + png);
    };
    const std::string shot = screenshot("r.html", "page.png");
    const std::string bareShot = screenshot("bare.html", "bare.png");
    ASSERT_GT(shot.size(), 50000u) << "a page of tables and plots screenshots to far more";
    const Image page = DecodePng(shot, "screenshot");
    EXPECT_EQ(page.width, 1280u);
    EXPECT_EQ(page.height, 4000u);
    const Ink ink = InkOf(page);
    const Ink bareInk = InkOf(DecodePng(bareShot, "screenshot without plots"));
    EXPECT_GT(ink.share, 0.05) << "the page is nearly blank";
    // The plots are drawn: their anti-aliased coloured lines and fills add hundreds of colours
    // that the page's text, rules and table cells do not have.
    EXPECT_GT(ink.saturated, bareInk.saturated + 300)
        << ink.saturated << " colours with the plots, " << bareInk.saturated << " without";
}

TEST_F(ReportTest, ReplacesItsOwnPageButNotAnotherFileWithoutForce)
{
    TempDir out;
    const std::string page = out.Path() + "/r.html";
    ASSERT_EQ(Blueprint("report " + Cmp() + " --out " + page, out).status, 0);
    // Its own page is replaced as compare replaces its own folder.
    EXPECT_EQ(Blueprint("report " + Cmp() + " --out " + page, out).status, 0);
    out.Write("notes.html", "<p>my notes</p>\n");
    CommandResult r = Blueprint("report " + Cmp() + " --out " + out.Path() + "/notes.html", out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(out.Path() + "/notes.html: a file that blueprint report did not write "
                                      "is in the way"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(ReadFile(out.Path() + "/notes.html"), "<p>my notes</p>\n");
    r = Blueprint("report " + Cmp() + " --out " + out.Path() + "/notes.html --force", out);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(ReadFile(out.Path() + "/notes.html").find(ns3::blueprint::kReportGenerator),
              std::string::npos);
    // A folder in the way is refused even forced.
    fs::create_directory(out.Path() + "/folder.html");
    r = Blueprint("report " + Cmp() + " --out " + out.Path() + "/folder.html --force", out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("a folder of that name exists"), std::string::npos) << r.err;
}

TEST_F(ReportTest, WithoutGnuplotNothingIsWrittenAndItSaysWhatToInstall)
{
    TempDir out;
    // No gnuplot on this PATH (the program itself is named by its full path).
    const CommandResult r = Blueprint("report " + Cmp() + " --out " + out.Path() + "/r.html",
                                      out,
                                      "env PATH=" + out.Path() + "/nowhere ");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("gnuplot is not installed (Debian: apt-get install gnuplot-nox)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("nothing written"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out.Path() + "/r.html"));
}

TEST_F(ReportTest, WritesIntoTheCompareFolderByDefaultAndCompareStillOwnsIt)
{
    TempDir out;
    const std::string cmp = out.Path() + "/cmp";
    const std::string scenario = out.Write("town.yaml", kTown);
    ASSERT_EQ(Blueprint("compare " + scenario + " --out " + cmp, out).status, 0);
    const CommandResult r = Blueprint("report " + cmp, out);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::is_regular_file(cmp + "/report.html"));
    // A compare again over the folder takes it as its own (no --force) and replaces it whole:
    // the page of the old results goes with them.
    const CommandResult again = Blueprint("compare " + scenario + " --out " + cmp, out);
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_FALSE(fs::exists(cmp + "/report.html"));
}

TEST(ReportInput, AMissingFolderIsRefusedWithExitStatus2)
{
    TempDir out;
    const CommandResult r = Blueprint("report " + out.Path() + "/nowhere", out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(out.Path() + "/nowhere: no such folder"), std::string::npos) << r.err;
}

TEST(ReportInput, AFolderWithoutCompareJsonIsNotACompareFolder)
{
    TempDir out;
    const std::string scenario = out.Write("town.yaml", kTown);
    // A run's folder has a result.json but no comparison.
    ASSERT_EQ(Blueprint("run " + scenario + " --out " + out.Path() + "/run", out).status, 0);
    const CommandResult r = Blueprint("report " + out.Path() + "/run", out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(out.Path() + "/run: not a compare folder: it has no compare.json"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(out.Path() + "/run/report.html"));
}

TEST(ReportInput, ACorruptCompareJsonIsReportedAtItsLineAndColumn)
{
    TempDir out;
    const std::string scenario = out.Write("town.yaml", kTown);
    const std::string cmp = out.Path() + "/cmp";
    ASSERT_EQ(Blueprint("compare " + scenario + " --out " + cmp, out).status, 0);
    // Cut short, as a full disk would leave it: the error is where the text ends.
    const std::string text = ReadFile(cmp + "/compare.json");
    std::ofstream(cmp + "/compare.json") << text.substr(0, text.size() / 2);
    CommandResult r = Blueprint("report " + cmp, out);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind(cmp + "/compare.json:", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(cmp + "/report.html"));
    // A stray comma: at its line and column.
    std::ofstream(cmp + "/compare.json") << "{\n \"scenario\": \"x\",\n \"seeds\": [1,,2]\n}\n";
    r = Blueprint("report " + cmp, out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(cmp + "/compare.json:3:14: not valid JSON"), std::string::npos) << r.err;
    // Valid JSON that is not a comparison.
    std::ofstream(cmp + "/compare.json") << R"({"scenario": "x", "seeds": [1]})";
    r = Blueprint("report " + cmp, out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(cmp + "/compare.json: not a comparison blueprint wrote: "
                               "compare.recommendation is missing"),
              std::string::npos)
        << r.err;
}

TEST(ReportInput, AConfigurationWithoutItsResultIsNamed)
{
    TempDir out;
    const std::string scenario = out.Write("town.yaml", kTown);
    const std::string cmp = out.Path() + "/cmp";
    ASSERT_EQ(Blueprint("compare " + scenario + " --out " + cmp, out).status, 0);
    fs::remove(cmp + "/thin-trunk/result.json");
    const CommandResult r = Blueprint("report " + cmp, out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(cmp + "/thin-trunk/result.json: cannot read"), std::string::npos) << r.err;
}

TEST(ReportInput, ReportNeedsItsFolder)
{
    TempDir out;
    CommandResult r = Blueprint("report", out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("report needs the folder compare wrote"), std::string::npos) << r.err;
    r = Blueprint("report a b", out);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("unexpected argument 'b'"), std::string::npos) << r.err;
}

/// Four phones around a 5G mast, the fourth 30 km away (kOneOutOfCoverage); the alternative
/// brings it within 600 m.
const std::string kPhones = kOneOutOfCoverage + R"(alternatives:
  phone-nearer:
    description: The fourth phone 600 m from the mast
    changes: {nodes: {phones: {placement: {positions: [[300m, 0m], [0m, 500m], [-400m, -200m],
              [600m, 0m]]}}}}
)";

TEST(ReportMembers, AStarvedMemberIsNamedWithItsLossAndJainsIndex)
{
    TempDir out;
    const std::string scenario = out.Write("phones.yaml", kPhones);
    const std::string cmp = out.Path() + "/cmp";
    const CommandResult compare = Blueprint("compare " + scenario + " --out " + cmp, out);
    ASSERT_EQ(compare.status, 0) << compare.err;
    const CommandResult r = Blueprint("report " + cmp, out);
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string html = ReadFile(cmp + "/report.html");
    const std::size_t section = html.find("<section id=\"members\"><h2>Who is starved</h2>");
    ASSERT_NE(section, std::string::npos);
    const std::string members = html.substr(section, html.find("</section>", section) - section);
    // The base hides a phone that gets nothing behind 75 % delivered: its row says so.
    EXPECT_NE(members.find("<tr class=\"fail\"><td>base</td><td class=\"num\">4 of 4</td>"
                           "<td>phones[3]</td><td class=\"num\">nothing delivered</td>"),
              std::string::npos)
        << members;
    EXPECT_NE(members.find("<td class=\"num\">100 %</td><td class=\"num\">0.75</td>"),
              std::string::npos)
        << members;
    // Brought within reach, every phone is served alike.
    EXPECT_NE(members.find("<tr><td>phone-nearer</td><td class=\"num\">4 of 4</td>"),
              std::string::npos)
        << members;
    EXPECT_NE(members.find("<td class=\"num\">0 %</td><td class=\"num\">1</td>"), std::string::npos)
        << members;
}

TEST(ReportMembers, OverSeedsTheSeedThatStarvesAMemberIsShownNotTheOneWithTheLowestIndex)
{
    // Seed 1: one phone of four gets nothing (index 0.75). Seed 2: two lose 80 % each, nobody
    // gets nothing (index (1 + 1 + 0.2 + 0.2)^2 / (4 x 2.08) = 0.69, lower).
    using namespace ns3::blueprint;
    CompareFolder folder;
    folder.scenario = "phones";
    folder.seeded = true;
    folder.seeds = {1, 2};
    ReportConfiguration c;
    c.name = "base";
    for (uint64_t seed : {1, 2})
    {
        ReportRun run;
        run.seed = seed;
        ReportFlow f;
        f.name = "reports";
        f.members = 4;
        ReportGroupMembers g;
        g.sending = 4;
        g.worst = seed == 1 ? "phones[3]" : "phones[1]";
        g.worstLossPct = seed == 1 ? 100 : 80;
        g.worstP99Ms = seed == 1 ? std::optional<double>() : 12.5;
        g.jainIndex = seed == 1 ? 0.75 : 0.6923;
        f.group = g;
        run.flows.push_back(f);
        c.runs.push_back(run);
    }
    folder.configurations.push_back(c);
    const std::string html = ReportHtml(folder, {}, {});
    const std::size_t section = html.find("<section id=\"members\">");
    ASSERT_NE(section, std::string::npos);
    const std::string members = html.substr(section, html.find("</section>", section) - section);
    EXPECT_NE(members.find("<tr class=\"fail\"><td>base</td><td class=\"num\">1</td>"
                           "<td class=\"num\">4 of 4</td><td>phones[3]</td>"),
              std::string::npos)
        << members;
    EXPECT_EQ(members.find("phones[1]"), std::string::npos) << members;
}

TEST(ReportRecommendation, AConfigurationThatDropsPartOfTheBaseIsSaidNotToQualifyAtAnySeeds)
{
    // 'lean' passes at all five seeds, as the base does, but carries no f2: no number of seeds
    // makes it qualify, and the page must not suggest more seeds.
    using namespace ns3::blueprint;
    CompareFolder folder;
    folder.scenario = "drop";
    folder.seeded = true;
    folder.seeds = {1, 2, 3, 4, 5};
    folder.recommendation.requiredShare = 0.9;
    for (const std::string name : {"base", "lean"})
    {
        ReportConfiguration c;
        c.name = name;
        c.hasRequirements = true;
        c.seedsJudged = 5;
        c.seedsPassed = 5;
        c.passLow = 0.566;
        if (name == "lean")
        {
            c.dropsFromBase = {"flow f2"};
        }
        for (uint64_t seed : folder.seeds)
        {
            ReportRun run;
            run.seed = seed;
            run.verdict = "pass";
            c.runs.push_back(run);
        }
        folder.configurations.push_back(c);
    }
    const std::string html = ReportHtml(folder, {}, {});
    EXPECT_NE(html.find("5 of 5 seeds; drops flow f2 of the base: not recommended"),
              std::string::npos)
        << html;
    EXPECT_EQ(html.find("<strong>lean</strong> met every requirement at all"), std::string::npos)
        << "no seeds would show it";
    EXPECT_NE(html.find("<strong>base</strong> met every requirement at all 5 seeds"),
              std::string::npos)
        << html;
}

TEST(ReportSeeds, ASeededComparisonReportsPassSharesAndOneCurvePerSeed)
{
    TempDir out;
    const std::string scenario = out.Write("town.yaml", kTown);
    const std::string cmp = out.Path() + "/seeds";
    CommandResult r = Blueprint("compare " + scenario + " --seeds 1..2 --jobs 2 --out " + cmp, out);
    ASSERT_EQ(r.status, 0) << r.err;
    r = Blueprint("report " + cmp, out);
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string html = ReadFile(cmp + "/report.html");
    for (const auto& name : kConfigurations)
    {
        EXPECT_NE(html.find("<td>" + name + "</td>"), std::string::npos) << name;
    }
    EXPECT_NE(html.find("2 seeds each"), std::string::npos);
    EXPECT_NE(html.find("met at 2 of 2 seeds"), std::string::npos);
    EXPECT_FALSE(EmbeddedImages(html).empty());
    // The folder is still the sweep store compare --seeds owns: it runs again without --force.
    r = Blueprint("compare " + scenario + " --seeds 1..2 --jobs 2 --out " + cmp, out);
    EXPECT_EQ(r.status, 0) << r.err;
}

} // namespace
