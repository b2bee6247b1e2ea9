// SPDX-License-Identifier: GPL-3.0-or-later
// The syntax tree of one input line: plain C++ (no Boost), mirroring the text faithfully.
// It knows no function names and resolves nothing: `xy`, `sin x`, `x(x+1)` arrive exactly as
// typed and src/resolve decides what they mean against the session's definitions.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "grammar/node_storage.hpp"
#include "grammar/node_text.hpp"
#include "support/fresh_pages.hpp"

namespace ddx::grammar {

// Byte offsets [begin, end) into the ORIGINAL (un-normalised) input line.
struct SourceSpan {
    std::uint32_t begin = 0, end = 0;
};

enum class NodeKind : std::uint8_t {
    Number,    // text = literal digits as typed ("12", "2.5", "1e-3"); is_float when '.'/exponent
    Word,      // text = a whole identifier run `[A-Za-z][A-Za-z0-9_]*`, never split here ("xy", "sinx",
               // "log_2"); Greek letters/π arrive already spelt out ("alpha", "pi")
    Apply,     // text = name, name_span; children = arguments. `WORD(args)`: a call OR a product
               // (`x(x+1)`), resolution decides. Arguments may be Equation / Range / At / Compare nodes.
    Prime,     // `f'(x)`, `f''(t)`: text = name, name_span, order = number of primes, children = args
    Neg,       // unary minus: children = {operand}. (Unary plus is dropped.)
    Sum,       // flat `a + b - c`: children = terms, op_before(i) in {'+','-'} is the sign before
               // children[i]; op_before(0) == '+'. Always >= 2 children.
    Product,   // flat, left-associative run of `*`, `/`, `.*` (or ⊙) and juxtaposition at ONE precedence
               // level: op_before(i) in {'*','/','o',' '} is the operator before children[i] (' ' = juxtaposed,
               // 'o' = entrywise);
               // op_before(0) == ' '. `1/2x` = {1,2,x} ops " / " i.e. (1/2)·x; `sin x cos x` =
               // {sin,x,cos,x} ops "    " (resolution regroups into sin(x)·cos(x)). Always >= 2 children.
    Pow,       // children = {base, exponent}; right-associative; `**` is the same. See note below.
    Group,     // parentheses kept: children = {inner}
    Vector,    // `[a, b]`: children = elements (a matrix is a Vector of Vectors)
    DerivOp,   // `d/dx E`, `d^2/dx^2 E`, `∂/∂x E`, `∂^2/∂x∂y E`: children = {operand};
               // order = n of d^n (1 if absent); vars = the differentiation variables in order,
               // each with its power (`∂^2/∂x∂y` -> {x 1, y 1}; `d^2/dx^2` -> {x 2}); is_partial
               // for ∂. parse_line checks that order is the sum of the powers. Derivatives
               // written as fractions arrive here too: `d(x^2)/dx`, `dx^2/dx`, `df(x)/dx`,
               // `d^2(E)/dx^2` are DerivOps whose operand is the numerator.
    Leibniz,   // `dy/dx`, `∂z/∂x`, `d^2y/dx^2`, `∂^2z/∂x∂y`: text = name (y), name_span, order,
               // vars, is_partial as for DerivOp; children = the point when written
               // `∂f/∂u(x^2, y)` (an abstract derivative as ddx prints it), else none
    Equation,  // `x = 1` (call argument or `at` binding): text = name, name_span, children = {value}
    Range,     // `x = a .. b [step s]`: text = name, name_span, children = {a, b} or {a, b, s}
    At,        // `E at x = 1, y = 2`: children = {E, Equation...}
    Compare,   // `A == B`: children = {A, B}
    Equality,  // `F = G` as a call argument whose left side is no plain name (`x^2 + y^2 = 1`):
               // children = {F, G}
    Held,      // `(∂z/∂x)_u`, `(∂z/∂x)_(u, v)`: a bracket with the names it holds fixed as a subscript,
               // as thermodynamics writes a partial derivative: children = {the Group, a Word per name}
};

// A differentiation variable and how many times it is taken: `dx^3` is {x, 3}.
struct DiffVar {
    std::string name;
    std::uint64_t count = 1;
};

// A derivative's order and variables, out of line: nearly every node has neither, and a 1 MB line
// is a million nodes. Prime nodes keep their number of primes here too.
class DiffVars {
public:
    DiffVars() = default;
    DiffVars(DiffVars const& o) : parts_(o.parts_ ? std::make_unique<Parts>(*o.parts_) : nullptr) {}
    DiffVars(DiffVars&&) noexcept = default;
    DiffVars& operator=(DiffVars const& o) {
        if (this != &o) parts_ = o.parts_ ? std::make_unique<Parts>(*o.parts_) : nullptr;
        return *this;
    }
    DiffVars& operator=(DiffVars&&) noexcept = default;

    std::uint64_t order() const { return parts_ ? parts_->order : 0; }
    void set_order(std::uint64_t order) {
        if (parts_ || order != 0) made().order = order;
    }

    std::vector<DiffVar> const& list() const {
        static std::vector<DiffVar> const none;
        return parts_ ? parts_->list : none;
    }
    auto begin() const { return list().begin(); }
    auto end() const { return list().end(); }
    std::size_t size() const { return list().size(); }
    bool empty() const { return list().empty(); }
    DiffVar const& operator[](std::size_t i) const { return list()[i]; }
    DiffVar const& front() const { return list().front(); }
    DiffVar& back() { return parts_->list.back(); }  // precondition: not empty
    void push_back(DiffVar v) { made().list.push_back(std::move(v)); }

private:
    struct Parts {
        std::uint64_t order = 0;
        std::vector<DiffVar> list;
    };
    Parts& made() {
        if (!parts_) parts_ = std::make_unique<Parts>();
        return *parts_;
    }
    std::unique_ptr<Parts> parts_;
};

struct Node;

// A node's children: an address and two 32-bit counts, 16 bytes where std::vector takes 24 (a
// line is at most 4 MiB, so no list comes near 2^32). It offers the part of std::vector's
// interface the parser and the resolver use, and grows the same way.
class NodeList {
public:
    NodeList() = default;
    NodeList(NodeList const& o);
    NodeList(NodeList&& o) noexcept
        : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)),
          capacity_(std::exchange(o.capacity_, 0)) {}
    NodeList& operator=(NodeList const& o);
    NodeList& operator=(NodeList&& o) noexcept;
    ~NodeList();

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::size_t capacity() const { return capacity_; }
    Node* begin() { return data_; }
    Node* end();
    Node const* begin() const { return data_; }
    Node const* end() const;
    Node& operator[](std::size_t i);
    Node const& operator[](std::size_t i) const;
    Node& front() { return (*this)[0]; }
    Node const& front() const { return (*this)[0]; }
    Node& back() { return (*this)[size_ - 1]; }
    Node const& back() const { return (*this)[size_ - 1]; }

    void reserve(std::size_t capacity);
    void shrink_to_fit();
    void resize(std::size_t size);
    void clear();
    void push_back(Node&& node);
    void push_back(Node const& node);
    Node& emplace_back();

private:
    // Moves the nodes into a new buffer of `capacity`. `add` (may be null) constructs a node at
    // the address it is given, past the moved ones, before they move: its source may be one of
    // them. Returns what `add` made.
    template <class Make>
    Node* grow(std::uint32_t capacity, Make const& add);
    // Doubling, and beyond 1,024 nodes (a long line's sum) growing fourfold: each growth writes
    // the list anew into fresh pages, and the room it leaves is never written.
    std::uint32_t next_capacity() const {
        constexpr std::uint32_t fourfold_from = 1024;
        return capacity_ == 0 ? 1 : capacity_ < fourfold_from ? 2 * capacity_ : 4 * capacity_;
    }

    // From this size on a list's growth maps its pages in advance (see grow).
    static constexpr std::size_t long_list_bytes = std::size_t{64} << 10;

    Node* data_ = nullptr;
    std::uint32_t size_ = 0, capacity_ = 0;
};

// One node kind + the few fields each kind uses (see NodeKind); unused fields stay default.
// 56 bytes, the rare parts (a derivative's order and variables, a long text) out of line: a 1 MB
// line is a million of these.
struct Node {
    NodeKind kind = NodeKind::Number;
    bool is_float = false;         // Number: has '.' or an exponent -> floating point
    bool is_partial = false;       // DerivOp / Leibniz written with ∂
    char op = 0;                   // as a child of a Sum or Product: the operator before it (see NodeKind)
    SourceSpan span;               // the whole construct, in the original line
    SourceSpan name_span;          // where `text` is, for the named kinds (Apply, Prime, Leibniz, Equation, Range)
    NodeText text;                 // Number literal / Word / name of Apply, Prime, Leibniz, Equation, Range
    DiffVars vars;                 // DerivOp / Leibniz: differentiation variables with their powers
    NodeList children;

    // DerivOp / Leibniz: the derivative's order; Prime: the number of primes.
    std::uint64_t order() const { return vars.order(); }
    void set_order(std::uint64_t order) { vars.set_order(order); }

    // Sum / Product: the operator before child i (see NodeKind), and all of them in order.
    char op_before(std::size_t i) const { return children[i].op; }
    std::string ops() const {
        std::string all;
        all.reserve(children.size());
        for (Node const& c : children) all += c.op;
        return all;
    }
};

static_assert(sizeof(Node) == 56, "a 1 MB line is a million nodes: keep them small");
static_assert(sizeof(Node) == node_storage::node_bytes && alignof(Node) <= node_storage::node_alignment,
              "node_storage.hpp lays nodes out by this size, from 8-byte boundaries");

inline NodeList::NodeList(NodeList const& o) {
    reserve(o.size_);
    for (Node const& n : o) push_back(n);
}
inline NodeList& NodeList::operator=(NodeList const& o) {
    if (this != &o) *this = NodeList(o);
    return *this;
}
inline NodeList& NodeList::operator=(NodeList&& o) noexcept {
    if (this != &o) {
        clear();
        node_storage::release(data_, capacity_);
        data_ = std::exchange(o.data_, nullptr);
        size_ = std::exchange(o.size_, 0);
        capacity_ = std::exchange(o.capacity_, 0);
    }
    return *this;
}
inline NodeList::~NodeList() {
    clear();
    node_storage::release(data_, capacity_);
}
inline Node* NodeList::end() { return data_ + size_; }
inline Node const* NodeList::end() const { return data_ + size_; }
inline Node& NodeList::operator[](std::size_t i) { return data_[i]; }
inline Node const& NodeList::operator[](std::size_t i) const { return data_[i]; }

template <class Make>
Node* NodeList::grow(std::uint32_t capacity, Make const& add) {
    Node* fresh = static_cast<Node*>(node_storage::allocate(capacity));
    // A long list (a 1 MB line's sum: 35,000 terms, 2 MB) is written at once as far as it is
    // moved, and as far again if it keeps growing: those pages are mapped in one call.
    if (std::size_t const moved = std::size_t{size_} * sizeof(Node); moved >= long_list_bytes)
        map_pages_for_writing(fresh, std::min<std::size_t>(2 * moved, std::size_t{capacity} * sizeof(Node)));
    Node* made = nullptr;
    if constexpr (!std::is_null_pointer_v<Make>) {
        try {
            made = add(fresh + size_);
        } catch (...) {
            node_storage::release(fresh, capacity);
            throw;
        }
    }
    for (std::uint32_t i = 0; i < size_; ++i) {
        new (fresh + i) Node(std::move(data_[i]));
        data_[i].~Node();
    }
    node_storage::release(data_, capacity_);
    data_ = fresh;
    capacity_ = capacity;
    return made;
}
inline void NodeList::reserve(std::size_t capacity) {
    if (capacity <= capacity_) return;
    if (capacity_ == 0) {  // nothing to move: most lists are reserved once, when made
        data_ = static_cast<Node*>(node_storage::allocate(static_cast<std::uint32_t>(capacity)));
        capacity_ = static_cast<std::uint32_t>(capacity);
        return;
    }
    grow(static_cast<std::uint32_t>(capacity), nullptr);
}
inline void NodeList::shrink_to_fit() {
    if (capacity_ == size_) return;
    if (size_ == 0) {
        node_storage::release(data_, capacity_);
        data_ = nullptr;
        capacity_ = 0;
        return;
    }
    grow(size_, nullptr);
}
inline void NodeList::resize(std::size_t size) {
    while (size_ > size) data_[--size_].~Node();
    reserve(size);
    while (size_ < size) new (data_ + size_++) Node();
}
inline void NodeList::clear() {
    while (size_ > 0) data_[--size_].~Node();
}
inline void NodeList::push_back(Node&& node) {
    if (size_ < capacity_)
        new (data_ + size_) Node(std::move(node));
    else
        grow(next_capacity(), [&](Node* at) { return new (at) Node(std::move(node)); });
    ++size_;
}
inline void NodeList::push_back(Node const& node) {
    if (size_ < capacity_)
        new (data_ + size_) Node(node);
    else
        grow(next_capacity(), [&](Node* at) { return new (at) Node(node); });
    ++size_;
}
inline Node& NodeList::emplace_back() {
    Node* made = size_ < capacity_ ? new (data_ + size_) Node() : grow(next_capacity(), [](Node* at) { return new (at) Node(); });
    ++size_;
    return *made;
}

// One name per differentiation (`{x 2, y 1}` -> {x, x, y}), for the displays that list them;
// empty when the order is above `limit`.
inline std::vector<std::string> listed_vars(std::vector<DiffVar> const& vars, std::uint64_t limit) {
    std::uint64_t total = 0;
    for (DiffVar const& v : vars) {
        if (v.count > limit - total) return {};
        total += v.count;
    }
    std::vector<std::string> out;
    for (DiffVar const& v : vars) out.insert(out.end(), v.count, v.name);
    return out;
}

// Notes for resolution (shapes that need names to be resolved):
//  * `sin^2(x)` arrives as Product{Pow{sin, 2}, Group{x}} ops "  " — same shape as `x^2(x+1)`.
//  * An exponent is a single power-level operand, so `e^x(x+1)` is Pow{e, Apply{x, [x+1]}}: when
//    resolution finds that Apply is a product (x is no function), it must re-associate to
//    (e^x)·(x+1), because juxtaposition never happens inside an exponent.
//  * `2 d/dx x^2` is Product{2, DerivOp}: a derivative operator may be the last factor of a run.

enum class StatementKind {
    Expression, // body
    Definition, // name [params] (= | :=) body
    Command,    // `:name args...`
};

struct Statement {
    StatementKind kind = StatementKind::Expression;
    SourceSpan span;            // the whole statement (without the `steps` prefix's trailing space)
    bool steps = false;         // `steps STMT`
    bool backprop = false;      // `backprop STMT`: the reverse-mode trace of STMT (a value at a point)
    Node body;                  // Expression: the expression; Definition: the right-hand side
    std::string name;           // Definition: the defined name; Command: command name without ':'
    SourceSpan name_span;
    bool is_function = false;   // Definition written `NAME(ARG, ...) = ...`
    std::vector<Node> params;   // Definition parameters (Word nodes)
    bool colon_equals = false;  // Definition written with `:=`
    std::string args;           // Command: raw argument text from the original line, trimmed
    SourceSpan args_span;
};

} // namespace ddx::grammar
