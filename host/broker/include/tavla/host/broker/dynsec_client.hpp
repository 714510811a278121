// A short-lived administrator's connection to the broker, for provisioning:
// the site file's broker account (which holds the dynamic-security plugin's
// admin role), MQTT 5, a clean session and a client id of its own, so it
// never takes over the id of a running `serve`. Works as well with a broker
// on another machine as on this one; needs no root and no file access there.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tavla/host/broker/connection.hpp"
#include "tavla/host/broker/dynsec.hpp"
#include "tavla/host/config/site.hpp"

namespace tavla::host::broker {

class DynsecClient {
 public:
  // Connects and subscribes to the plugin's answers; throws BrokerError
  // (with describe_connect_failure's words) if it cannot.
  DynsecClient(config::Broker broker, const std::string& client_id,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~DynsecClient();
  DynsecClient(const DynsecClient&) = delete;
  DynsecClient& operator=(const DynsecClient&) = delete;
  DynsecClient(DynsecClient&&) = delete;
  DynsecClient& operator=(DynsecClient&&) = delete;

  // Sends `commands` as one request and returns the plugin's answers in the
  // same order. Throws BrokerError when the broker refuses the request (an
  // account without the admin role) or nothing answers within the timeout
  // (no dynamic-security plugin).
  std::vector<DynsecResponse> execute(const std::vector<DynsecCommand>& commands);

  // A command that changes the account this client is logged in as (a role
  // added to it): the plugin then disconnects every client of that account,
  // this one included, before it answers. Sends it, waits for the
  // disconnect and connects again; the caller reads the result back.
  void execute_on_own_account(const DynsecCommand& command);

  // A retained QoS 1 publish, once the broker has it (an empty payload
  // clears the topic's retained message). Throws BrokerError if refused.
  void publish_retained(const std::string& topic, const std::string& payload);

 private:
  void connect();
  void subscribe_to_answers();
  // Waits for `token`; a refusal or a timeout is a BrokerError about `what`.
  void await(const mqtt::token_ptr& token, const std::string& what) const;

  config::Broker broker_;
  std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<std::string> answers_;  // payloads on the response topic, not yet read
  std::unique_ptr<mqtt::async_client> client_;
};

}  // namespace tavla::host::broker
