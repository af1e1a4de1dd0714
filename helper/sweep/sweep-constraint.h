/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SWEEP_CONSTRAINT_H
#define BLUEPRINT_SWEEP_CONSTRAINT_H

#include "helper/scenario/input-error.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A condition a sweep point must meet to be run, e.g.
 * `links.backhaul.length <= 10km or alternative == new-fiber`.
 *
 * Grammar: `expr := and ('or' and)*`, `and := not ('and' not)*`, `not := 'not' not | '(' expr ')'
 * | operand OP operand` with OP one of `== != < <= > >=` (also `&&`, `||`, `!`). An operand is an
 * axis name, `alternative`, a quoted string or a bare value. Values compare as quantities when
 * both sides read as the same kind of quantity ("10km" and "500 m" as lengths, see
 * ParseSweepQuantity), as numbers when both are plain numbers, and otherwise as text, which only
 * == and != accept.
 */
class SweepConstraint
{
  public:
    /// The longest constraint, in characters: it bounds the depth of the expression tree.
    static constexpr std::size_t MAX_LENGTH = 4096;
    /// The deepest nesting of parentheses and 'not'.
    static constexpr std::size_t MAX_NESTING = 64;

    /**
     * \brief Parses a constraint.
     * \param text the expression
     * \param mark where it is written in the sweep file
     * \param names the names an operand may refer to (axis paths and "alternative")
     * \return the constraint
     * \throws InputError at mark for syntax errors, unknown names (with a suggestion),
     *         comparisons that name no axis, and expressions longer than MAX_LENGTH or nested
     *         deeper than MAX_NESTING
     */
    static SweepConstraint Parse(const std::string& text,
                                 const SourceMark& mark,
                                 const std::vector<std::string>& names);

    /**
     * \brief Evaluates the constraint at one point.
     * \param values the value (as written) of every name
     * \return true if the point meets it
     * \throws InputError at the constraint's mark when two values cannot be compared (a length
     *         with a duration, or text with <)
     */
    bool Evaluate(const std::map<std::string, std::string>& values) const;

    /// \return the expression as written
    const std::string& GetText() const;

    /// \return where it is written
    const SourceMark& GetMark() const;

  private:
    /// One side of a comparison.
    struct Operand
    {
        bool isName = false; //!< a name to look up, else a literal value
        std::string text;    //!< the name or the literal
    };

    /// A node of the expression tree, stored in m_nodes.
    struct Node
    {
        /// What the node does.
        enum class Kind
        {
            And,
            Or,
            Not,
            Compare
        };

        Kind kind = Kind::Compare; //!< what the node does
        int left = -1;             //!< first operand node (And, Or, Not)
        int right = -1;            //!< second operand node (And, Or)
        std::string op;            //!< comparison operator (Compare)
        Operand a;                 //!< left side (Compare)
        Operand b;                 //!< right side (Compare)
    };

    class Parser;

    /**
     * \brief Evaluates one node.
     * \param index the node
     * \param values the value of every name
     * \return its truth value
     */
    bool EvaluateNode(int index, const std::map<std::string, std::string>& values) const;

    std::vector<Node> m_nodes; //!< the expression tree
    int m_root = -1;           //!< index of the root node
    std::string m_text;        //!< the expression as written
    SourceMark m_mark;         //!< where it is written
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SWEEP_CONSTRAINT_H
