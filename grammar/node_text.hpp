// SPDX-License-Identifier: GPL-3.0-or-later
// The text of a syntax-tree node (a number's digits, a name) in 12 bytes instead of a
// std::string's 32: up to 11 characters in place, which is nearly every number and name, longer
// ones in an allocation of their own. No alignment of its own, so that it fills the 4 bytes a
// node's spans leave before its 8-byte fields: a 1 MB line is a million nodes of 56 bytes.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace ddx::grammar {

class NodeText {
 public:
    NodeText() = default;
    NodeText(std::string_view s) { assign(s); }  // NOLINT: implicit, like the std::string it replaces
    NodeText(char const* s) : NodeText(std::string_view(s)) {}  // NOLINT
    NodeText(std::string const& s) : NodeText(std::string_view(s)) {}  // NOLINT
    NodeText(NodeText const& o) { assign(o.view()); }
    NodeText(NodeText&& o) noexcept { take(o); }
    NodeText& operator=(NodeText const& o) {
        if (this != &o) assign(o.view());
        return *this;
    }
    NodeText& operator=(NodeText&& o) noexcept {
        if (this != &o) {
            release();
            take(o);
        }
        return *this;
    }
    ~NodeText() { release(); }

    template <class Iterator>
    void assign(Iterator begin, Iterator end) {
        assign(std::string_view(&*begin, static_cast<std::size_t>(end - begin)));
    }
    void assign(std::string_view s) {
        if (heap() && s.data() >= heap_data() && s.data() < heap_data() + heap_size()) {
            assign(std::string(s));  // a part of itself: copied out before the old text goes
            return;
        }
        release();
        if (s.size() <= in_place_capacity) {
            copy_short(bytes_, s.data(), s.size());
            tag_ = static_cast<std::uint8_t>(s.size());
        } else {
            if (s.size() > largest_heap_size) throw std::length_error("a name or number longer than 16 MB");
            char* data = new char[s.size()];
            std::memcpy(data, s.data(), s.size());
            std::memcpy(bytes_, &data, sizeof data);
            for (std::size_t i = 0; i < heap_size_bytes; ++i)
                bytes_[sizeof data + i] = static_cast<char>((s.size() >> (8 * i)) & 0xff);
            tag_ = heap_tag;
        }
    }

    std::string_view view() const { return heap() ? std::string_view(heap_data(), heap_size()) : std::string_view(bytes_, tag_); }
    operator std::string_view() const { return view(); }  // NOLINT: reads where a string_view is asked
    std::string str() const { return std::string(view()); }
    bool empty() const { return tag_ == 0; }
    std::size_t size() const { return view().size(); }
    char const* begin() const { return view().data(); }
    char const* end() const { return view().data() + view().size(); }
    char operator[](std::size_t i) const { return view()[i]; }
    char back() const { return view().back(); }
    std::size_t find(std::string_view s, std::size_t from = 0) const { return view().find(s, from); }
    std::size_t find_first_of(std::string_view s) const { return view().find_first_of(s); }
    bool starts_with(std::string_view s) const { return view().starts_with(s); }
    std::string_view substr(std::size_t from, std::size_t n = std::string_view::npos) const { return view().substr(from, n); }

    friend bool operator==(NodeText const& a, NodeText const& b) { return a.view() == b.view(); }
    friend bool operator==(NodeText const& a, std::string_view b) { return a.view() == b; }
    friend bool operator==(NodeText const& a, char const* b) { return a.view() == b; }
    friend std::string operator+(std::string a, NodeText const& b) { return a.append(b.view()); }
    friend std::string operator+(NodeText const& a, std::string_view b) { return a.str().append(b); }
    friend std::string operator+(NodeText const& a, char const* b) { return a.str().append(b); }

 private:
    static constexpr std::size_t in_place_capacity = 11;
    // On the heap: the address, then the length in the 3 bytes left (a line is at most 4 MiB).
    static constexpr std::size_t heap_size_bytes = in_place_capacity - sizeof(char*);
    static constexpr std::size_t largest_heap_size = (std::size_t{1} << (8 * heap_size_bytes)) - 1;
    static constexpr std::uint8_t heap_tag = 0xff;
    bool heap() const { return tag_ == heap_tag; }
    // Copies n <= in_place_capacity bytes by two fixed-size copies that overlap as needed: a
    // memcpy of a length known only at run time is a library call, and the grammar makes a
    // text for nearly every name and number of a line.
    static void copy_short(char* to, char const* from, std::size_t n) {
        static_assert(in_place_capacity < 16);
        if (n >= 8) {
            std::memcpy(to, from, 8);
            std::memcpy(to + n - 8, from + n - 8, 8);
        } else if (n >= 4) {
            std::memcpy(to, from, 4);
            std::memcpy(to + n - 4, from + n - 4, 4);
        } else if (n > 0) {
            to[0] = from[0];
            to[n / 2] = from[n / 2];
            to[n - 1] = from[n - 1];
        }
    }
    char* heap_data() const {
        char* data;
        std::memcpy(&data, bytes_, sizeof data);
        return data;
    }
    std::uint32_t heap_size() const {
        std::uint32_t size = 0;
        for (std::size_t i = 0; i < heap_size_bytes; ++i)
            size |= std::uint32_t{static_cast<unsigned char>(bytes_[sizeof(char*) + i])} << (8 * i);
        return size;
    }
    void release() {
        if (heap()) delete[] heap_data();
        tag_ = 0;
    }
    void take(NodeText& o) {
        std::memcpy(bytes_, o.bytes_, sizeof bytes_);
        tag_ = o.tag_;
        o.tag_ = 0;
    }

    // In place: the characters. On the heap: the address, then the length in 24 bits.
    char bytes_[in_place_capacity] = {};  // zeroed: take() copies all of them, whatever is used
    std::uint8_t tag_ = 0;  // the length in place, or heap_tag
};
static_assert(sizeof(NodeText) == 12 && alignof(NodeText) == 1);

}  // namespace ddx::grammar
