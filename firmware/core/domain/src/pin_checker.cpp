#include "tavla/kiosk/pin_checker.hpp"

#include "tavla/kiosk/pin.hpp"

namespace tavla::kiosk {
namespace {

// The verifier a check of `member` uses, so a verdict is never applied to a
// member whose PIN changed in between (a new room config).
std::string verifier_of(const protocol::Member& member) {
  if (member.pin_verifier) {
    return "v:" + *member.pin_verifier;
  }
  return member.pin_hash ? "h:" + *member.pin_hash : std::string();
}

}  // namespace

void PinChecker::check_ahead(const protocol::Member& member, std::string_view pin) {
  ahead_ = Verdict{member.participant, std::string(pin), verifier_of(member),
                   member_pin_matches(member, pin, device_secret_)};
}

bool PinChecker::matches(const protocol::Member& member, std::string_view pin) const {
  if (ahead_ && ahead_->participant == member.participant && ahead_->pin == pin &&
      ahead_->verifier == verifier_of(member)) {
    return ahead_->matches;
  }
  return member_pin_matches(member, pin, device_secret_);
}

}  // namespace tavla::kiosk
