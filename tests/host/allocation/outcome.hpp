// Test helpers for results that are a value or an error.
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <variant>

namespace tavla::allocation::testing {

// 128-bit integers for exact reference arithmetic in the tests.
__extension__ using Wide = __int128;

// The value, or a test failure with the error's message (thrown, so the test
// stops at the first unexpected error).
template <class T, class E>
const T& value_of(const std::variant<T, E>& outcome) {
  if (const auto* error = std::get_if<E>(&outcome)) {
    ADD_FAILURE() << "unexpected error: " << error->message;
    throw std::runtime_error(error->message);
  }
  return std::get<T>(outcome);
}

// The error, or a test failure when there is a value.
template <class T, class E>
const E& error_of(const std::variant<T, E>& outcome) {
  if (!std::holds_alternative<E>(outcome)) {
    ADD_FAILURE() << "expected an error, got a value";
    throw std::runtime_error("expected an error");
  }
  return std::get<E>(outcome);
}

}  // namespace tavla::allocation::testing
