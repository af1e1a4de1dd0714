/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/config-node.h"
#include "input-error-support.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <yaml-cpp/yaml.h>

namespace ns3
{
namespace blueprint
{

namespace
{

/// Expects mark to be FILE:LINE:COL.
void
ExpectMarkAt(const SourceMark& mark, const std::string& file, int line, int column)
{
    EXPECT_EQ(mark.file, file);
    EXPECT_EQ(mark.line, line);
    EXPECT_EQ(mark.column, column);
}

/// Expects text to contain word.
void
ExpectContains(const std::string& text, const std::string& word)
{
    EXPECT_NE(text.find(word), std::string::npos) << "'" << word << "' not in: " << text;
}

ConfigNode
Load(const std::string& text)
{
    return ConfigNode::LoadString(text, "s.yaml");
}

TEST(ConfigNodeTest, InputErrorFormat)
{
    const InputError located(SourceMark{"s.yaml", 3, 7}, "bad value");
    EXPECT_STREQ(located.what(), "s.yaml:3:7: bad value");
    EXPECT_EQ(located.GetMessage(), "bad value");
    ExpectMarkAt(located.GetMark(), "s.yaml", 3, 7);
    const InputError unlocated(SourceMark{"missing.yaml", 0, 0}, "cannot read file");
    EXPECT_STREQ(unlocated.what(), "missing.yaml: cannot read file");
}

TEST(ConfigNodeTest, KindsAndMarks)
{
    const ConfigNode root = Load("name: village\n"
                                 "links:\n"
                                 "  - a\n"
                                 "  - {b: 2}\n"
                                 "empty:\n"
                                 "tilde: ~\n"
                                 "quoted: \"~\"\n");
    ASSERT_TRUE(root.IsMap());
    ExpectMarkAt(root.GetMark(), "s.yaml", 1, 1);
    ASSERT_EQ(root.GetEntries().size(), 5u);
    EXPECT_EQ(root.GetEntries()[1].first, "links"); // file order
    const ConfigNode& name = root.Get("name", "scenario");
    EXPECT_TRUE(name.IsScalar());
    EXPECT_EQ(name.AsString(), "village");
    ExpectMarkAt(name.GetMark(), "s.yaml", 1, 7);
    ExpectMarkAt(root.GetKeyMark("links"), "s.yaml", 2, 1);
    const ConfigNode& links = root.Get("links", "scenario");
    ASSERT_TRUE(links.IsSequence());
    ASSERT_EQ(links.GetItems().size(), 2u);
    ExpectMarkAt(links.GetItems()[0].GetMark(), "s.yaml", 3, 5);
    EXPECT_TRUE(links.GetItems()[1].IsMap());
    ExpectMarkAt(links.GetItems()[1].GetKeyMark("b"), "s.yaml", 4, 6);
    // An empty value is marked at its key, not where yaml-cpp stopped looking (the next line).
    EXPECT_TRUE(root.Find("empty")->IsNull());
    ExpectMarkAt(root.Find("empty")->GetMark(), "s.yaml", 5, 1);
    EXPECT_TRUE(root.Find("tilde")->IsNull());
    EXPECT_TRUE(root.Find("quoted")->IsScalar());
    EXPECT_EQ(root.Find("quoted")->GetScalar(), "~");
    EXPECT_EQ(root.Find("absent"), nullptr);
    EXPECT_EQ(name.Find("anything"), nullptr);
}

TEST(ConfigNodeTest, EmptyDocumentIsNull)
{
    EXPECT_TRUE(Load("").IsNull());
    EXPECT_TRUE(Load("# only a comment\n").IsNull());
}

TEST(ConfigNodeTest, AnchorsAndAliasesAreResolved)
{
    const ConfigNode root = Load("base: &fiber {rate: 10Gbps}\ncopy: *fiber\n");
    EXPECT_DOUBLE_EQ(root.Get("copy", "test").Get("rate", "test").AsDataRate(), 10e9);
}

TEST(ConfigNodeTest, SyntaxErrorPosition)
{
    const InputError e = ErrorFrom([] { Load("a: 1\nb: c: d\n"); });
    // The second ':' on line 2 (column 5) is where the mapping becomes invalid.
    ExpectMarkAt(e.GetMark(), "s.yaml", 2, 5);
    EXPECT_EQ(std::string(e.what()).rfind("s.yaml:2:5: ", 0), 0u) << e.what();
    const InputError unclosed = ErrorFrom([] { Load("name: x\nlist: [1, 2\nother: 3\n"); });
    EXPECT_EQ(unclosed.GetMark().line, 3);
    ExpectContains(unclosed.GetMessage(), "did not find expected ',' or ']'");
}

TEST(ConfigNodeTest, DuplicateKeyPosition)
{
    const InputError e = ErrorFrom([] { Load("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n"); });
    ExpectMarkAt(e.GetMark(), "s.yaml", 5, 3);
    ExpectContains(e.GetMessage(), "duplicate key 'c'");
    ExpectContains(e.GetMessage(), "line 3, column 3");
    const InputError flow = ErrorFrom([] { Load("{x: 1, x: 2}"); });
    ExpectMarkAt(flow.GetMark(), "s.yaml", 1, 8);
}

TEST(ConfigNodeTest, RejectsOddKeysAndSecondDocument)
{
    ExpectContains(ErrorFrom([] { Load("~: 1\n"); }).GetMessage(), "must not be empty");
    ExpectContains(ErrorFrom([] { Load("\"\": 1\n"); }).GetMessage(), "must not be empty");
    ExpectContains(ErrorFrom([] { Load("? [1, 2]\n: x\n"); }).GetMessage(), "plain text");
    const InputError second = ErrorFrom([] { Load("a: 1\n---\nb: 2\n"); });
    EXPECT_EQ(second.GetMark().line, 3);
    ExpectContains(second.GetMessage(), "single YAML document");
    EXPECT_TRUE(Load("a: 1\n---\n").IsMap()); // an empty trailing document is harmless
}

/// yaml-cpp 0.7's LoadAll looped without end on a lone ',' (yaml-cpp issue #1040).
TEST(ConfigNodeTest, ALoneCommaIsASyntaxError)
{
    for (const std::string text : {",", "a: 1\n,\n", "- ,\n", "a: ,\n"})
    {
        const InputError e = ErrorFrom([&] { Load(text); });
        EXPECT_GT(e.GetMark().line, 0) << text;
    }
}

/// A self-referencing alias overflowed the stack; nested aliases filled memory (C.17).
TEST(ConfigNodeTest, AliasesAreCopiedUnderABudget)
{
    const InputError self = ErrorFrom([] { Load("x: &a [*a]\n"); });
    ExpectMarkAt(self.GetMark(), "s.yaml", 1, 8);
    ExpectContains(self.GetMessage(), "alias *a is inside the node it names");
    // Nine levels of nine: 9^9 values.
    std::string laughs = "l0: &l0 [x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i <= 9; ++i)
    {
        const std::string prev = "*l" + std::to_string(i - 1);
        laughs += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [" + prev;
        for (int k = 1; k < 9; ++k)
        {
            laughs += ", " + prev;
        }
        laughs += "]\n";
    }
    const InputError budget = ErrorFrom([&] { Load(laughs); });
    ExpectContains(budget.GetMessage(), "more than 4000000 values once its aliases are expanded");
    // Aliases within the budget are copies of what they name, marks included.
    const ConfigNode root = Load("a: &v {rate: 1Gbps}\nb: *v\n");
    EXPECT_EQ(root.Get("b", "t"), root.Get("a", "t"));
    ExpectMarkAt(root.Get("b", "t").Get("rate", "t").GetMark(), "s.yaml", 1, 14);
}

TEST(ConfigNodeTest, NestingDeeperThanTheLimitIsAnError)
{
    const std::string deep = std::string(150, '[') + std::string(150, ']') + "\n";
    const InputError e = ErrorFrom([&] { Load(deep); });
    ExpectMarkAt(e.GetMark(), "s.yaml", 1, 101);
    ExpectContains(e.GetMessage(), "nested deeper than 100 levels");
    EXPECT_TRUE(Load(std::string(100, '[') + std::string(100, ']') + "\n").IsSequence());
}

/// Non-UTF-8 bytes passed validate and failed in the JSON writer after the run (C.19).
TEST(ConfigNodeTest, TextThatIsNotUtf8IsRefusedWhereItIs)
{
    const InputError e = ErrorFrom([] { Load("name: ok\nnodes: {\"h\xff\": 1}\n"); });
    ExpectMarkAt(e.GetMark(), "s.yaml", 2, 11);
    ExpectContains(e.GetMessage(), "not UTF-8");
    ExpectContains(ErrorFrom([] { Load("a: \xed\xa0\x80\n"); }).GetMessage(), "not UTF-8");
    ExpectContains(ErrorFrom([] { Load("a: \xc0\xaf\n"); }).GetMessage(), "not UTF-8");
    EXPECT_EQ(Load("caf\xc3\xa9: \xe2\x82\xac 5\n").GetEntries()[0].first, "caf\xc3\xa9");
}

TEST(ConfigNodeTest, ATabUsedForIndentationIsNamed)
{
    const InputError e = ErrorFrom([] { Load("nodes:\n  pc:\n\tsite: a\n"); });
    ExpectMarkAt(e.GetMark(), "s.yaml", 3, 1);
    ExpectContains(e.GetMessage(), "a tab is used for indentation here; YAML indents with spaces");
    // Tabs elsewhere are fine: inside a flow list, after a value, within text.
    EXPECT_TRUE(Load("a: [1,\n\t2]\t# note\nb: \"x\ty\"\n").IsMap());
    // A comment indented with a tab is refused too, and named.
    ExpectMarkAt(ErrorFrom([] { Load("a: 1\n\t# note\n"); }).GetMark(), "s.yaml", 2, 1);
}

TEST(ConfigNodeTest, InputLargerThanTheLimitIsRefusedWithoutReadingItAll)
{
    const InputError text =
        ErrorFrom([] { Load(std::string(ConfigNode::MAX_FILE_BYTES + 1, ' ')); });
    ExpectContains(text.GetMessage(), "larger than 32 MiB");
    const InputError device = ErrorFrom([] { ConfigNode::LoadFile("/dev/zero"); });
    EXPECT_EQ(std::string(device.what()),
              "/dev/zero: the file is larger than 32 MiB, the most blueprint reads");
}

/// The fastest of three loads of a map of `keys` keys, in seconds; checks the last key's place.
double
LoadSeconds(int keys)
{
    std::string text = "flows:\n";
    for (int i = 0; i < keys; ++i)
    {
        text += "  f" + std::to_string(i) + ": {a: 1}\n";
    }
    double best = 1e9;
    for (int run = 0; run < 3; ++run)
    {
        const auto start = std::chrono::steady_clock::now();
        const ConfigNode root = Load(text);
        best = std::min(
            best,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        EXPECT_EQ(root.Get("flows", "t").GetEntries().size(), static_cast<std::size_t>(keys));
        EXPECT_EQ(root.Get("flows", "t").GetKeyMark("f" + std::to_string(keys - 1)).line, keys + 1);
    }
    return best;
}

/// The duplicate-key check scanned every earlier key: 100,000 keys took 24 s (B.15). Four times
/// the keys take four times as long when reading is linear, sixteen times when quadratic; the
/// ratio holds on a loaded machine and under the sanitizers, where an absolute bound does not.
TEST(ConfigNodeTest, ReadingManyKeysTakesLinearTime)
{
    // The fastest of three runs of each size: other work on a loaded machine only ever adds
    // time, so the minimum is the reading closest to the reader's own cost. Linear reading gives
    // a ratio near 4, quadratic 16.
    double small = LoadSeconds(20000);
    double large = LoadSeconds(80000);
    for (int run = 1; run < 3; ++run)
    {
        small = std::min(small, LoadSeconds(20000));
        large = std::min(large, LoadSeconds(80000));
    }
    EXPECT_LT(large / small, 8.0) << small << " s, then " << large << " s";
}

TEST(ConfigNodeTest, LoadFile)
{
    const std::string path = ::testing::TempDir() + "config-node-test.yaml";
    {
        std::ofstream out(path);
        out << "site:\n  pue: 1.4\n";
    }
    const ConfigNode root = ConfigNode::LoadFile(path);
    const ConfigNode& pue = root.Get("site", "scenario").Get("pue", "site");
    EXPECT_DOUBLE_EQ(pue.AsDouble(), 1.4);
    ExpectMarkAt(pue.GetMark(), path, 2, 8);
    std::remove(path.c_str());

    const InputError missing = ErrorFrom([] { ConfigNode::LoadFile("/nonexistent/x.yaml"); });
    EXPECT_EQ(missing.GetMark().line, 0);
    EXPECT_EQ(std::string(missing.what()),
              "/nonexistent/x.yaml: cannot read file: No such file or directory");
    const InputError directory = ErrorFrom([] { ConfigNode::LoadFile(::testing::TempDir()); });
    ExpectContains(directory.GetMessage(), "directory");
}

TEST(ConfigNodeTest, WrongTypeScalarPosition)
{
    const ConfigNode root = Load("link:\n  rate: fast\n  length: 12km\n  up: maybe\n");
    const ConfigNode& link = root.Get("link", "scenario");
    const InputError rate = ErrorFrom([&] { link.Get("rate", "link").AsDataRate(); });
    ExpectMarkAt(rate.GetMark(), "s.yaml", 2, 9);
    ExpectContains(rate.GetMessage(), "expected a data rate");
    ExpectContains(rate.GetMessage(), "'fast'");
    const InputError kind = ErrorFrom([&] { link.Get("length", "link").AsDuration(); });
    ExpectMarkAt(kind.GetMark(), "s.yaml", 3, 11);
    ExpectContains(kind.GetMessage(), "which is a length");
    const InputError map = ErrorFrom([&] { root.Get("link", "scenario").GetScalar(); });
    ExpectMarkAt(map.GetMark(), "s.yaml", 2, 3);
    EXPECT_EQ(map.GetMessage(), "expected a single value, found a map");
    ExpectContains(ErrorFrom([&] { link.Get("up", "link").AsBool(); }).GetMessage(),
                   "expected true or false");
    ExpectContains(ErrorFrom([&] { link.GetItems(); }).GetMessage(),
                   "expected a list, found a map");
    ExpectContains(ErrorFrom([&] { link.Get("rate", "l").GetEntries(); }).GetMessage(),
                   "found the single value 'fast'");
}

TEST(ConfigNodeTest, TypedReads)
{
    const ConfigNode root = Load("i: 42\nneg: -7\nplus: +3\nf: 1.5\nsci: 2e3\nt: yes\nf2: Off\n"
                                 "d: 10 ms\nr: 1Gbps\ns: 64B\nl: 2km\np: 20%\nw: 5W\nhz: 3.5GHz\n"
                                 "m: 1,200,000\nbig: 99999999999999999999\ninf: .inf\n");
    EXPECT_EQ(root.Find("i")->AsInteger(), 42);
    EXPECT_EQ(root.Find("neg")->AsInteger(), -7);
    EXPECT_EQ(root.Find("plus")->AsInteger(), 3);
    EXPECT_DOUBLE_EQ(root.Find("f")->AsDouble(), 1.5);
    EXPECT_DOUBLE_EQ(root.Find("sci")->AsDouble(), 2000.0);
    EXPECT_DOUBLE_EQ(root.Find("neg")->AsDouble(), -7.0);
    EXPECT_TRUE(root.Find("t")->AsBool());
    EXPECT_FALSE(root.Find("f2")->AsBool());
    EXPECT_DOUBLE_EQ(root.Find("d")->AsDuration(), 0.01);
    EXPECT_DOUBLE_EQ(root.Find("r")->AsDataRate(), 1e9);
    EXPECT_DOUBLE_EQ(root.Find("s")->AsDataSize(), 64.0);
    EXPECT_DOUBLE_EQ(root.Find("l")->AsLength(), 2000.0);
    EXPECT_DOUBLE_EQ(root.Find("p")->AsRatio(), 0.2);
    EXPECT_DOUBLE_EQ(root.Find("w")->AsPower(), 5.0);
    EXPECT_DOUBLE_EQ(root.Find("hz")->AsFrequency(), 3.5e9);
    EXPECT_DOUBLE_EQ(root.Find("m")->AsMoney(), 1.2e6);
    ExpectContains(ErrorFrom([&] { root.Find("f")->AsInteger(); }).GetMessage(),
                   "expected an integer (a whole number), got '1.5'");
    ExpectContains(ErrorFrom([&] { root.Find("sci")->AsInteger(); }).GetMessage(), "whole number");
    ExpectContains(ErrorFrom([&] { root.Find("t")->AsInteger(); }).GetMessage(), "whole number");
    ExpectContains(ErrorFrom([&] { root.Find("big")->AsInteger(); }).GetMessage(),
                   "out of range for an integer");
    ExpectContains(ErrorFrom([&] { root.Find("t")->AsDouble(); }).GetMessage(),
                   "expected a number, got 'yes'");
    ExpectContains(ErrorFrom([&] { root.Find("inf")->AsDouble(); }).GetMessage(), "finite");
    ExpectContains(ErrorFrom([&] { root.Find("i")->AsDuration(); }).GetMessage(), "has no unit");
}

TEST(ConfigNodeTest, UnknownKeyPosition)
{
    const ConfigNode root = Load("links:\n  backhaul:\n    rate: 1Gbps\n    lenght: 12km\n");
    const ConfigNode& link = root.Get("links", "scenario").Get("backhaul", "links");
    const InputError suggested = ErrorFrom([&] {
        link.CheckKeys({"rate", "length", "latency"}, "link 'backhaul'");
    });
    ExpectMarkAt(suggested.GetMark(), "s.yaml", 4, 5);
    EXPECT_EQ(suggested.GetMessage(),
              "unknown key 'lenght' in link 'backhaul'; did you mean 'length'?");
    const InputError listed = ErrorFrom([&] { link.CheckKeys({"rate", "profile"}, "link 'x'"); });
    ExpectMarkAt(listed.GetMark(), "s.yaml", 4, 5);
    EXPECT_EQ(listed.GetMessage(), "unknown key 'lenght' in link 'x'; allowed keys: rate, profile");
    EXPECT_NO_THROW(link.CheckKeys({"rate", "lenght"}, "link"));
    EXPECT_NO_THROW(Load("a:\n").Find("a")->CheckKeys({}, "empty"));
}

TEST(ConfigNodeTest, MissingRequiredKeyPosition)
{
    const ConfigNode root = Load("name: x\nlinks:\n  backhaul:\n    rate: 1Gbps\n");
    const ConfigNode& link = root.Get("links", "scenario").Get("backhaul", "links");
    const InputError e = ErrorFrom([&] { link.Get("length", "link 'backhaul'"); });
    ExpectMarkAt(e.GetMark(), "s.yaml", 4, 5);
    EXPECT_EQ(e.GetMessage(), "link 'backhaul': missing required key 'length'");
    ExpectMarkAt(root.GetKeyMark("nope"), "s.yaml", 1, 1); // absent key: the map's own mark
}

TEST(ConfigNodeTest, SuggestClosest)
{
    EXPECT_EQ(SuggestClosest("lenght", {"rate", "length"}), "length"); // transposition
    EXPECT_EQ(SuggestClosest("rat", {"rate", "length"}), "rate");
    EXPECT_EQ(SuggestClosest("bandwith", {"bandwidth", "band"}), "bandwidth");
    EXPECT_EQ(SuggestClosest("colour", {"rate", "length"}), "");
    EXPECT_EQ(SuggestClosest("xy", {"id"}), ""); // two edits replace everything: not a suggestion
    EXPECT_EQ(EditDistance("lenght", "length"), 1u);
    EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
    EXPECT_EQ(EditDistance("", "abc"), 3u);
}

TEST(ConfigNodeTest, MergeRecursesRemovesAndReplaces)
{
    ConfigNode base = Load("links:\n"
                           "  backhaul:\n"
                           "    rate: 1Gbps\n"
                           "    length: 12km\n"
                           "    tags: [a, b, c]\n"
                           "  access:\n"
                           "    rate: 100Mbps\n"
                           "name: base\n");
    const ConfigNode overlay = ConfigNode::LoadString("links:\n"
                                                      "  backhaul:\n"
                                                      "    rate: 10Gbps\n"
                                                      "    tags: [z]\n"
                                                      "    latency: 1ms\n"
                                                      "  access: ~\n",
                                                      "alt.yaml");
    base.Merge(overlay);
    const ConfigNode& links = base.Get("links", "t");
    EXPECT_EQ(links.Find("access"), nullptr); // null removes
    const ConfigNode& backhaul = links.Get("backhaul", "t");
    EXPECT_EQ(backhaul.Get("rate", "t").AsString(), "10Gbps");
    EXPECT_EQ(backhaul.Get("length", "t").AsString(), "12km");  // untouched key kept
    ASSERT_EQ(backhaul.Get("tags", "t").GetItems().size(), 1u); // sequence replaced, not appended
    EXPECT_EQ(backhaul.Get("tags", "t").GetItems()[0].AsString(), "z");
    ASSERT_EQ(backhaul.GetEntries().size(), 4u);
    EXPECT_EQ(backhaul.GetEntries()[3].first, "latency"); // new key at the end
    EXPECT_EQ(base.Get("name", "t").AsString(), "base");
    // Marks of merged-in nodes are the overlay's, of kept nodes the base's.
    ExpectMarkAt(backhaul.Get("rate", "t").GetMark(), "alt.yaml", 3, 11);
    ExpectMarkAt(backhaul.Get("latency", "t").GetMark(), "alt.yaml", 5, 14);
    ExpectMarkAt(backhaul.GetKeyMark("latency"), "alt.yaml", 5, 5);
    ExpectMarkAt(backhaul.Get("length", "t").GetMark(), "s.yaml", 4, 13);

    // A map replaces a scalar; a null overlay changes nothing.
    ConfigNode scalar = Load("x: 1\n");
    scalar.Merge(ConfigNode::LoadString("x: {a: 1}\n", "alt.yaml"));
    EXPECT_EQ(scalar, Load("x: {a: 1}\n"));
    ConfigNode unchanged = Load("x: 1\n");
    unchanged.Merge(ConfigNode());
    EXPECT_EQ(unchanged, Load("x: 1\n"));
    ConfigNode self = Load("a: {b: 1}\nc: 2\n");
    self.Merge(self);
    EXPECT_EQ(self, Load("a: {b: 1}\nc: 2\n"));
}

/// A misspelt removal removed nothing, so a "fiber cut" alternative ran over intact fiber (issue
/// 8, A.5); a misspelt element on a --set path made a new element.
TEST(ConfigNodeTest, RemovingOrWalkingThroughWhatIsNotThereIsAnError)
{
    const SourceMark cli{"--set", 0, 0};
    ConfigNode base = Load("links:\n  valley-fiber: {rate: 1Gbps}\nflows:\n  shelter-video: {}\n");
    const InputError merged = ErrorFrom(
        [&] { base.Merge(ConfigNode::LoadString("links:\n  valley-fibre: ~\n", "alt.yaml")); });
    ExpectMarkAt(merged.GetMark(), "alt.yaml", 2, 3);
    EXPECT_EQ(merged.GetMessage(),
              "'links' has no 'valley-fibre' to remove; did you mean 'valley-fiber'?");
    const InputError removed = ErrorFrom([&] { base.SetPath("links.valey-fiber", "~", cli); });
    EXPECT_EQ(removed.GetMark().file, "--set");
    ExpectContains(removed.GetMessage(), "did you mean 'valley-fiber'?");
    const InputError walked =
        ErrorFrom([&] { base.SetPath("flows.shelter-vid.traffic.rate", "2Mbps", cli, 2); });
    ExpectContains(walked.GetMessage(),
                   "'flows' has no 'shelter-vid' to change; did you mean 'shelter-video'?");
    EXPECT_EQ(base.Get("flows", "t").GetEntries().size(), 1u);
    // Below an element that exists, and without the check, missing maps are still made.
    base.SetPath("flows.shelter-video.traffic.rate", "2Mbps", cli, 2);
    base.SetPath("flows.extra", "{from: a}", cli, 2); // a new element, written whole
    EXPECT_EQ(base.Get("flows", "t").GetEntries().size(), 2u);
}

TEST(ConfigNodeTest, SetPathCreatesAndReplaces)
{
    const SourceMark cli{"--set", 0, 0};
    ConfigNode root = Load("links:\n  backhaul:\n    length: 5km\n    rate: 1Gbps\n");
    root.SetPath("links.backhaul.length", "12km", cli);
    const ConfigNode& backhaul = root.Get("links", "t").Get("backhaul", "t");
    EXPECT_DOUBLE_EQ(backhaul.Get("length", "t").AsLength(), 12000.0);
    EXPECT_EQ(backhaul.Get("length", "t").GetMark().file, "--set");
    EXPECT_EQ(backhaul.GetEntries()[0].first, "length"); // replaced in place, order kept

    root.SetPath("traffic.growth.years", "[2030, 2040]", cli);
    const ConfigNode& years = root.Get("traffic", "t").Get("growth", "t").Get("years", "t");
    ASSERT_EQ(years.GetItems().size(), 2u);
    EXPECT_EQ(years.GetItems()[1].AsInteger(), 2040);
    EXPECT_EQ(years.GetItems()[1].GetMark().file, "--set");
    EXPECT_EQ(root.GetKeyMark("traffic").file, "--set");

    root.SetPath("links.backhaul", "{rate: 10Gbps}", cli); // a map value replaces, not merges
    EXPECT_EQ(root.Get("links", "t").Get("backhaul", "t"), Load("rate: 10Gbps\n"));

    root.SetPath("links.backhaul.rate", "~", cli); // null removes, as in Merge
    EXPECT_EQ(root.Get("links", "t").Get("backhaul", "t").Find("rate"), nullptr);

    ConfigNode empty;
    empty.SetPath("a.b", "1", cli);
    EXPECT_EQ(empty, Load("a: {b: 1}\n"));
}

TEST(ConfigNodeTest, SetPathErrors)
{
    const SourceMark cli{"--set", 0, 0};
    ConfigNode root = Load("name: village\nlinks: [a, b]\n");
    const InputError scalar = ErrorFrom([&] { root.SetPath("name.first", "x", cli); });
    EXPECT_EQ(scalar.GetMark().file, "--set");
    ExpectContains(scalar.GetMessage(), "'name' is the single value 'village'");
    ExpectContains(scalar.GetMessage(), "s.yaml:1:7");
    ExpectContains(scalar.GetMessage(), "not a map");
    ExpectContains(ErrorFrom([&] { root.SetPath("links.x", "1", cli); }).GetMessage(),
                   "'links' is a list");
    ExpectContains(ErrorFrom([&] { root.SetPath("links..x", "1", cli); }).GetMessage(),
                   "invalid path");
    ExpectContains(ErrorFrom([&] { root.SetPath("", "1", cli); }).GetMessage(), "invalid path");
    ExpectContains(ErrorFrom([&] { root.SetPath("a", "[1, 2", cli); }).GetMessage(),
                   "invalid value for 'a'");
    ConfigNode list = Load("[1, 2]\n");
    ExpectContains(ErrorFrom([&] { list.SetPath("a", "1", cli); }).GetMessage(),
                   "the document is a list");
}

TEST(ConfigNodeTest, PlainWordsAreWrittenAsYamlCppsEmitterWritesThem)
{
    // ToYaml writes common words itself (the emitter was most of the time of reading 100,000
    // flows); the text must stay what the emitter gives, because run hashes are made of it.
    for (const std::string word :
         {"10ms", "n78",  "1e3", "a.b/c", "x+y", "50%",  "true",       "yes",  "y",
          "Off",  "0x1F", "007", "1_000", "a-b", "_x",   "x.",         "null", "Null",
          "NULL", "nULL", "~",   "-1",    "a b", "a: b", "caf\xC3\xA9"})
    {
        YAML::Emitter emitter;
        emitter << word;
        EXPECT_EQ(ConfigNode::MakeScalar(word, SourceMark{}).ToYaml(),
                  std::string(emitter.c_str()) + "\n")
            << word;
    }
}

TEST(ConfigNodeTest, ToYamlIsCanonicalAndRoundTrips)
{
    const std::string text = "name: village\n"
                             "empty:\n"
                             "quoted_null: \"~\"\n"
                             "blank: ''\n"
                             "colon: 'a: b'\n"
                             "multi: \"two\\nlines\"\n"
                             "flags: {on: yes}\n"
                             "links:\n"
                             "  - {from: a, to: b, rate: 1Gbps}\n"
                             "  - [x, [y, z]]\n"
                             "  - []\n"
                             "  -\n"
                             "none: {}\n";
    const ConfigNode original = Load(text);
    const std::string yaml = original.ToYaml();
    EXPECT_EQ(yaml,
              "name: village\n"
              "empty: ~\n"
              "quoted_null: \"~\"\n"
              "blank: \"\"\n"
              "colon: \"a: b\"\n"
              "multi: \"two\\nlines\"\n"
              "flags:\n"
              "  on: yes\n"
              "links:\n"
              "  - from: a\n"
              "    to: b\n"
              "    rate: 1Gbps\n"
              "  - - x\n"
              "    - - y\n"
              "      - z\n"
              "  - []\n"
              "  - ~\n"
              "none: {}\n");
    const ConfigNode reloaded = Load(yaml);
    EXPECT_EQ(reloaded, original);
    EXPECT_EQ(reloaded.ToYaml(), yaml);
    EXPECT_EQ(reloaded.Find("quoted_null")->GetScalar(), "~");
    EXPECT_EQ(reloaded.Find("multi")->GetScalar(), "two\nlines");
    EXPECT_NE(Load("a: 1\nb: 2\n"), Load("b: 2\na: 1\n")); // order is content
    EXPECT_EQ(ConfigNode().ToYaml(), "~\n");
    EXPECT_EQ(ConfigNode::MakeScalar("10ms", SourceMark{}).ToYaml(), "10ms\n");
}

} // namespace
} // namespace blueprint
} // namespace ns3
