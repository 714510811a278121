// `tavla-host quarantine list|replay`: what was kept aside and why (and
// with --mismatches, the check-ins whose claim the registry overruled), and
// the replay of what a newer build can decode.
#include "commands.hpp"
#include "tavla/host/ingest/processor.hpp"

namespace tavla::host::app {
namespace {

// The first 80 bytes, control characters as dots.
std::string printable(const std::string& raw) {
  std::string out;
  for (const char c : raw.substr(0, 80)) {
    const auto b = static_cast<unsigned char>(c);
    out += (b < 0x20 || b == 0x7F) ? '.' : c;
  }
  return out;
}

report::Table quarantine_table(storage::Repositories& repos, std::size_t limit) {
  report::Table t;
  t.columns = {"id", "received_at", "topic", "event_id", "size", "code", "reason", "raw"};
  for (const auto& q : repos.events().quarantine_entries(limit)) {
    t.rows.push_back({report::Ungrouped{q.id}, q.received_at, q.topic, q.event_id.value_or(""),
                      q.size, q.code, q.reason, printable(q.raw)});
  }
  return t;
}

// "municipality nes" or "org bufetat", with ", foster home fh-2".
std::string affiliation_text(const std::optional<std::string>& municipality,
                             const std::optional<std::string>& org,
                             const std::optional<std::string>& foster_home) {
  std::string text = municipality ? "municipality " + *municipality
                     : org        ? "org " + *org
                                  : std::string("none");
  return foster_home ? text + ", foster home " + *foster_home : text;
}

// Check-ins whose claim the registry overruled: billed by the registry.
report::Table mismatches_table(storage::Repositories& repos, std::size_t limit) {
  report::Table t;
  t.columns = {"id",       "noted_at",   "session",      "participant",
               "event_id", "kiosk_said", "registry_says"};
  for (const auto& m : repos.registry().mismatches(limit)) {
    t.rows.push_back(
        {report::Ungrouped{m.id}, m.noted_at, m.session, m.participant, m.event_id,
         affiliation_text(m.kiosk_municipality, m.kiosk_org, m.kiosk_foster_home),
         affiliation_text(m.registry_municipality, m.registry_org, m.registry_foster_home)});
  }
  return t;
}

class QuarantineCommands final : public Command {
 public:
  explicit QuarantineCommands(CLI::App& app)
      : group_(app.add_subcommand("quarantine", "messages kept aside with their reason")),
        list_(group_->add_subcommand("list", "the latest quarantined messages")),
        replay_(group_->add_subcommand(
            "replay", "decide again the events of a type this host did not know (unknown_type)")) {
    group_->require_subcommand(1);
    add_config_option(list_, options_);
    add_format_option(list_, options_);
    list_->add_option("--limit", limit_, "how many (latest first)");
    list_->add_flag("--mismatches", mismatches_,
                    "check-ins whose municipality, org or foster home differed from the "
                    "registry's (billed by the registry)");
    add_config_option(replay_, options_);
  }
  [[nodiscard]] bool parsed() const override { return group_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config, context);
    if (list_->parsed()) {
      print(
          mismatches_ ? mismatches_table(data.repos, limit_) : quarantine_table(data.repos, limit_),
          options_, data.site, context.out);
      return 0;
    }
    ingest::Processor processor(data.repos, data.site, context.now);
    const auto r = processor.replay_unknown_types();
    context.log("quarantine replay: " + std::to_string(r.replayed) +
                " event(s) of a type this host now knows: " + std::to_string(r.stored) +
                " stored, " + std::to_string(r.quarantined) + " quarantined again");
    return 0;
  }

 private:
  CLI::App* group_;
  CLI::App* list_;
  CLI::App* replay_;
  SiteOptions options_;
  std::size_t limit_ = 100;
  bool mismatches_ = false;
};

}  // namespace

std::unique_ptr<Command> add_quarantine_commands(CLI::App& app) {
  return std::make_unique<QuarantineCommands>(app);
}

}  // namespace tavla::host::app
