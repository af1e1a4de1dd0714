/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/sweep-constraint.h"

#include "helper/sweep/sweep-quantity.h"

#include <algorithm>
#include <cctype>

namespace ns3
{
namespace blueprint
{

namespace
{

/// A lexical token of a constraint.
struct Token
{
    enum class Kind
    {
        Word,
        String,
        Op,
        And,
        Or,
        Not,
        Open,
        Close,
        End
    };

    Kind kind = Kind::End; //!< what it is
    std::string text;      //!< its text (without quotes for strings)
    std::size_t offset;    //!< where it starts in the expression
};

bool
IsWordChar(char c)
{
    return !std::isspace(static_cast<unsigned char>(c)) &&
           std::string("()<>=!'\"&|").find(c) == std::string::npos;
}

} // namespace

/// Recursive-descent parser over the tokens of one expression.
class SweepConstraint::Parser
{
  public:
    Parser(SweepConstraint& c, const std::vector<std::string>& names)
        : m_c(c),
          m_names(names)
    {
        Tokenize();
    }

    int ParseAll()
    {
        int root = ParseOr();
        if (Peek().kind != Token::Kind::End)
        {
            Fail("unexpected '" + Peek().text + "'", Peek());
        }
        return root;
    }

  private:
    /// One level of parentheses or `not`, counted while it is parsed.
    class Nested
    {
      public:
        Nested(Parser& parser, const Token& at)
            : m_parser(parser)
        {
            if (++m_parser.m_depth > MAX_NESTING)
            {
                m_parser.Fail("parentheses and 'not' are nested deeper than " +
                                  std::to_string(MAX_NESTING) + " levels",
                              at);
            }
        }

        ~Nested()
        {
            --m_parser.m_depth;
        }

        Nested(const Nested&) = delete;
        Nested& operator=(const Nested&) = delete;

      private:
        Parser& m_parser;
    };

    [[noreturn]] void Fail(const std::string& message, const Token& at) const
    {
        std::string where = at.kind == Token::Kind::End
                                ? " at the end"
                                : " at character " + std::to_string(at.offset + 1);
        throw InputError(m_c.m_mark,
                         "constraint '" + m_c.m_text + "': " + message + where +
                             " (write comparisons such as 'links.backhaul.length <= 10km', "
                             "joined by and, or, not and parentheses)");
    }

    void Tokenize()
    {
        const std::string& s = m_c.m_text;
        std::size_t i = 0;
        while (i < s.size())
        {
            char c = s[i];
            if (std::isspace(static_cast<unsigned char>(c)))
            {
                ++i;
                continue;
            }
            Token t;
            t.offset = i;
            auto two = s.substr(i, 2);
            if (c == '(' || c == ')')
            {
                t.kind = c == '(' ? Token::Kind::Open : Token::Kind::Close;
                t.text = std::string(1, c);
                ++i;
            }
            else if (two == "==" || two == "!=" || two == "<=" || two == ">=")
            {
                t.kind = Token::Kind::Op;
                t.text = two;
                i += 2;
            }
            else if (two == "&&" || two == "||")
            {
                t.kind = two == "&&" ? Token::Kind::And : Token::Kind::Or;
                t.text = two;
                i += 2;
            }
            else if (c == '<' || c == '>' || c == '=')
            {
                t.kind = Token::Kind::Op;
                t.text = c == '=' ? "==" : std::string(1, c);
                ++i;
            }
            else if (c == '!')
            {
                t.kind = Token::Kind::Not;
                t.text = "!";
                ++i;
            }
            else if (c == '\'' || c == '"')
            {
                std::size_t close = s.find(c, i + 1);
                if (close == std::string::npos)
                {
                    t.text = std::string(1, c);
                    Fail("unterminated string", t);
                }
                t.kind = Token::Kind::String;
                t.text = s.substr(i + 1, close - i - 1);
                i = close + 1;
            }
            else if (IsWordChar(c))
            {
                std::size_t j = i;
                while (j < s.size() && IsWordChar(s[j]))
                {
                    ++j;
                }
                t.text = s.substr(i, j - i);
                t.kind = t.text == "and"   ? Token::Kind::And
                         : t.text == "or"  ? Token::Kind::Or
                         : t.text == "not" ? Token::Kind::Not
                                           : Token::Kind::Word;
                i = j;
            }
            else
            {
                t.text = std::string(1, c);
                Fail("unexpected '" + t.text + "'", t);
            }
            m_tokens.push_back(t);
        }
        Token end;
        end.offset = s.size();
        m_tokens.push_back(end);
    }

    const Token& Peek() const
    {
        return m_tokens[m_pos];
    }

    const Token& Next()
    {
        return m_tokens[m_pos++];
    }

    int Add(Node n)
    {
        m_c.m_nodes.push_back(std::move(n));
        return static_cast<int>(m_c.m_nodes.size()) - 1;
    }

    int ParseOr()
    {
        int left = ParseAnd();
        while (Peek().kind == Token::Kind::Or)
        {
            Next();
            Node n;
            n.kind = Node::Kind::Or;
            n.left = left;
            n.right = ParseAnd();
            left = Add(n);
        }
        return left;
    }

    int ParseAnd()
    {
        int left = ParseNot();
        while (Peek().kind == Token::Kind::And)
        {
            Next();
            Node n;
            n.kind = Node::Kind::And;
            n.left = left;
            n.right = ParseNot();
            left = Add(n);
        }
        return left;
    }

    int ParseNot()
    {
        if (Peek().kind == Token::Kind::Not || Peek().kind == Token::Kind::Open)
        {
            // Each level is a few frames of this recursive parser: 20,000 parentheses overflowed
            // the stack. No real constraint nests more than a handful of levels.
            Nested nested(*this, Peek());
            if (Peek().kind == Token::Kind::Not)
            {
                Next();
                Node n;
                n.kind = Node::Kind::Not;
                n.left = ParseNot();
                return Add(n);
            }
            Next();
            int inner = ParseOr();
            if (Peek().kind != Token::Kind::Close)
            {
                Fail("expected ')'", Peek());
            }
            Next();
            return inner;
        }
        Node n;
        n.kind = Node::Kind::Compare;
        const Token& first = Peek();
        n.a = ParseOperand();
        if (Peek().kind != Token::Kind::Op)
        {
            Fail("expected a comparison (==, !=, <, <=, >, >=)", Peek());
        }
        n.op = Next().text;
        n.b = ParseOperand();
        if (!n.a.isName && !n.b.isName)
        {
            std::string hint = SuggestClosest(n.a.text, m_names);
            if (hint.empty())
            {
                hint = SuggestClosest(n.b.text, m_names);
            }
            Fail("the comparison names no axis" +
                     (hint.empty() ? "; axes: " + JoinNames() : "; did you mean '" + hint + "'?"),
                 first);
        }
        return Add(n);
    }

    Operand ParseOperand()
    {
        const Token& t = Peek();
        if (t.kind == Token::Kind::String)
        {
            Next();
            return Operand{false, t.text};
        }
        if (t.kind != Token::Kind::Word)
        {
            Fail("expected an axis name or a value", t);
        }
        Next();
        if (std::find(m_names.begin(), m_names.end(), t.text) != m_names.end())
        {
            return Operand{true, t.text};
        }
        // "10000 m": a number and its unit written apart are one value.
        auto number = ParseSweepQuantity(t.text);
        if (number && number->kind == "number" && Peek().kind == Token::Kind::Word &&
            std::find(m_names.begin(), m_names.end(), Peek().text) == m_names.end())
        {
            std::string joined = t.text + " " + Peek().text;
            if (ParseSweepQuantity(joined))
            {
                Next();
                return Operand{false, joined};
            }
        }
        // A bare word with a dot that is not a number is a misspelt key path, not a value.
        if (t.text.find('.') != std::string::npos && !ParseSweepQuantity(t.text))
        {
            std::string hint = SuggestClosest(t.text, m_names);
            Fail("unknown axis '" + t.text + "'" +
                     (hint.empty() ? "; axes: " + JoinNames() : "; did you mean '" + hint + "'?"),
                 t);
        }
        return Operand{false, t.text};
    }

    std::string JoinNames() const
    {
        std::string out;
        for (const auto& n : m_names)
        {
            out += (out.empty() ? "" : ", ") + n;
        }
        return out;
    }

    SweepConstraint& m_c;
    const std::vector<std::string>& m_names;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    std::size_t m_depth = 0; //!< Levels of parentheses and 'not' being parsed.
};

SweepConstraint
SweepConstraint::Parse(const std::string& text,
                       const SourceMark& mark,
                       const std::vector<std::string>& names)
{
    SweepConstraint c;
    c.m_text = text;
    c.m_mark = mark;
    // The length bounds the depth of the expression tree, which is evaluated recursively: a chain
    // of 'and' is one level per comparison.
    if (text.size() > MAX_LENGTH)
    {
        throw InputError(mark,
                         "a constraint may be at most " + std::to_string(MAX_LENGTH) +
                             " characters long; this one has " + std::to_string(text.size()));
    }
    Parser parser(c, names);
    c.m_root = parser.ParseAll();
    return c;
}

bool
SweepConstraint::Evaluate(const std::map<std::string, std::string>& values) const
{
    return EvaluateNode(m_root, values);
}

const std::string&
SweepConstraint::GetText() const
{
    return m_text;
}

const SourceMark&
SweepConstraint::GetMark() const
{
    return m_mark;
}

bool
SweepConstraint::EvaluateNode(int index, const std::map<std::string, std::string>& values) const
{
    const Node& n = m_nodes[index];
    switch (n.kind)
    {
    case Node::Kind::And:
        return EvaluateNode(n.left, values) && EvaluateNode(n.right, values);
    case Node::Kind::Or:
        return EvaluateNode(n.left, values) || EvaluateNode(n.right, values);
    case Node::Kind::Not:
        return !EvaluateNode(n.left, values);
    case Node::Kind::Compare:
        break;
    }
    auto valueOf = [&](const Operand& o) {
        if (!o.isName)
        {
            return o.text;
        }
        auto it = values.find(o.text);
        return it == values.end() ? std::string() : it->second;
    };
    const std::string a = valueOf(n.a);
    const std::string b = valueOf(n.b);
    auto qa = ParseSweepQuantity(a);
    auto qb = ParseSweepQuantity(b);
    int order = 0; // -1, 0, 1 like a <=> b
    if (qa && qb)
    {
        // A ratio written as 20% compares with a plain fraction 0.2.
        auto kindOf = [](const SweepQuantity& q) {
            return q.kind == "ratio" ? std::string("number") : q.kind;
        };
        if (kindOf(*qa) != kindOf(*qb))
        {
            throw InputError(m_mark,
                             "constraint '" + m_text + "': cannot compare " + a + " (a " +
                                 qa->kind + ") with " + b + " (a " + qb->kind + ")");
        }
        order = qa->value < qb->value ? -1 : (qa->value > qb->value ? 1 : 0);
    }
    else
    {
        if (n.op != "==" && n.op != "!=")
        {
            throw InputError(m_mark,
                             "constraint '" + m_text + "': '" + n.op + "' needs numbers or " +
                                 "quantities on both sides, got '" + a + "' and '" + b + "'");
        }
        order = a == b ? 0 : 1;
    }
    if (n.op == "==")
    {
        return order == 0;
    }
    if (n.op == "!=")
    {
        return order != 0;
    }
    if (n.op == "<")
    {
        return order < 0;
    }
    if (n.op == "<=")
    {
        return order <= 0;
    }
    if (n.op == ">")
    {
        return order > 0;
    }
    return order >= 0;
}

} // namespace blueprint
} // namespace ns3
