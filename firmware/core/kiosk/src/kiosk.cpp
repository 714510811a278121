#include "tavla/kiosk/kiosk.hpp"

#include "kiosk_engine.hpp"

namespace tavla::kiosk {

Kiosk::Kiosk(const KioskConfig& config, Dependencies deps)
    : engine_(std::make_unique<KioskEngine>(config, std::move(deps))) {}
Kiosk::~Kiosk() = default;

void Kiosk::start() {
  engine_->start();
}
void Kiosk::stop() {
  engine_->stop();
}
Outcome Kiosk::execute(const Command& command) {
  return engine_->execute(command);
}
std::variant<LeaderInfo, Refusal> Kiosk::verify_leader(const std::string& participant,
                                                       const std::string& pin) {
  return engine_->verify_leader(participant, pin);
}
void Kiosk::set_locale_override(std::optional<protocol::Locale> locale) {
  engine_->set_locale_override(locale);
}
std::optional<Refusal> Kiosk::admin_pin_refusal(const std::string& pin) {
  return engine_->admin_pin_refusal(pin);
}
std::shared_ptr<const Snapshot> Kiosk::snapshot() const {
  return engine_->snapshot();
}
std::pair<std::shared_ptr<const Snapshot>, bool> Kiosk::wait_until(
    const std::function<bool(const Snapshot&)>& condition, Milliseconds timeout) {
  return engine_->wait_until(condition, timeout);
}
std::vector<Outcome> Kiosk::tick() {
  return engine_->tick();
}
std::string Kiosk::epoch() const {
  return engine_->epoch();
}

}  // namespace tavla::kiosk
