// One lambda per alternative for std::visit. Without a catch-all lambda, an
// alternative added to a variant and not handled is a compile error: this is
// how every place that dispatches on an event type or a command stays
// complete.
#pragma once

namespace tavla::protocol {

template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

}  // namespace tavla::protocol
