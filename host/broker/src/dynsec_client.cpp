#include "tavla/host/broker/dynsec_client.hpp"

#include <openssl/rand.h>

#include <array>
#include <thread>

#include "tavla/protocol/pin_hash.hpp"

namespace tavla::host::broker {
namespace {

// MQTT 5 reason codes from 0x80 on are failures.
constexpr int kFirstFailureReason = 0x80;

std::string correlation_nonce() {
  std::array<unsigned char, 12> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw BrokerError("no randomness for the request's correlation data");
  }
  return protocol::to_hex(std::string(bytes.begin(), bytes.end()));
}

}  // namespace

DynsecClient::DynsecClient(config::Broker broker, const std::string& client_id,
                           std::chrono::milliseconds timeout)
    : broker_(std::move(broker)), timeout_(timeout) {
  client_ = std::make_unique<mqtt::async_client>(broker_.url, client_id,
                                                 mqtt::create_options(MQTTVERSION_5));
  client_->set_message_callback([this](const mqtt::const_message_ptr& msg) {
    {
      const std::lock_guard lock(mutex_);
      answers_.push_back(msg->get_payload_str());
    }
    arrived_.notify_all();
  });
  connect();
}

void DynsecClient::connect() {
  auto builder = mqtt::connect_options_builder()
                     .mqtt_version(MQTTVERSION_5)
                     .clean_start(true)
                     .connect_timeout(timeout_)
                     .keep_alive_interval(std::chrono::seconds(20));
  apply_login(builder, broker_, broker_.url);
  try {
    (void)client_->connect(builder.finalize())->wait_for(timeout_);
  } catch (const mqtt::exception& e) {
    throw BrokerError("cannot connect to the broker at " + broker_.url + ": " +
                      describe_connect_failure(e, broker_, broker_.url));
  }
  if (!client_->is_connected()) {
    throw BrokerError("the broker at " + broker_.url + " did not answer the connect in time");
  }
  subscribe_to_answers();
}

void DynsecClient::execute_on_own_account(const DynsecCommand& command) {
  const std::string topic(kDynsecTopic);
  try {
    (void)client_->publish(topic, encode_dynsec_request({command}, correlation_nonce()), 1, false)
        ->wait_for(timeout_);
  } catch (const mqtt::exception&) {  // NOLINT(bugprone-empty-catch): the kick may come first
  }
  // The plugin disconnects the account it changed before it answers.
  const auto deadline = std::chrono::steady_clock::now() + timeout_;
  while (client_->is_connected() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!client_->is_connected()) {
    connect();
  }
}

DynsecClient::~DynsecClient() {
  try {
    client_->disable_callbacks();
    if (client_->is_connected()) {
      client_->disconnect()->wait_for(std::chrono::seconds(2));
    }
  } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): going away anyway
  }
}

void DynsecClient::await(const mqtt::token_ptr& token, const std::string& what) const {
  try {
    if (token->wait_for(timeout_)) {
      return;
    }
  } catch (const mqtt::exception& e) {
    if (e.get_reason_code() >= kFirstFailureReason) {
      throw BrokerError("the broker refused to let user '" + broker_.username.value_or("") + "' " +
                        what + ": the host's broker account needs the dynamic-security admin role");
    }
    throw BrokerError("cannot " + what + ": " + e.what());
  }
  throw BrokerError("cannot " + what + ": no answer from the broker within " +
                    std::to_string(timeout_.count()) + " ms");
}

void DynsecClient::subscribe_to_answers() {
  const std::string topic(kDynsecResponseTopic);
  await(client_->subscribe(topic, 1), "read " + topic);
}

std::vector<DynsecResponse> DynsecClient::execute(const std::vector<DynsecCommand>& commands) {
  const std::string correlation = correlation_nonce();
  const std::string topic(kDynsecTopic);
  await(client_->publish(topic, encode_dynsec_request(commands, correlation), 1, false),
        "write " + topic);
  std::unique_lock lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + timeout_;
  while (true) {
    while (!answers_.empty()) {
      const std::string payload = std::move(answers_.front());
      answers_.pop_front();
      if (auto responses = decode_dynsec_responses(payload, correlation, commands.size())) {
        return std::move(*responses);
      }
    }
    if (arrived_.wait_until(lock, deadline) == std::cv_status::timeout && answers_.empty()) {
      throw BrokerError("no answer on " + std::string(kDynsecResponseTopic) + " within " +
                        std::to_string(timeout_.count()) +
                        " ms: does the broker load the dynamic-security plugin?");
    }
  }
}

void DynsecClient::publish_retained(const std::string& topic, const std::string& payload) {
  await(client_->publish(topic, payload.data(), payload.size(), 1, true), "write " + topic);
}

}  // namespace tavla::host::broker
