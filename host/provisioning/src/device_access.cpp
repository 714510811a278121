#include "tavla/host/provisioning/device_access.hpp"

#include "tavla/protocol/topic.hpp"

namespace tavla::host::provisioning {
namespace {

using protocol::Channel;

}  // namespace

std::string device_role(const std::string& device) {
  return "tavla-device-" + device;
}

std::vector<broker::Acl> device_acls(const std::string& site, const std::string& device) {
  // Literal subscriptions: exactly its own two topics, no wildcard that
  // would reach another device's.
  return {{"publishClientSend", protocol::topic_for(site, device, Channel::events)},
          {"publishClientSend", protocol::topic_for(site, device, Channel::status)},
          {"subscribeLiteral", protocol::topic_for(site, device, Channel::ack)},
          {"subscribeLiteral", protocol::topic_for(site, device, Channel::config)}};
}

std::string host_role(const std::string& site) {
  return "tavla-host-" + site;
}

std::vector<broker::Acl> host_acls(const std::string& site) {
  std::vector<broker::Acl> acls;
  for (const Channel channel : {Channel::events, Channel::status}) {
    const std::string filter = protocol::device_wildcard(site, channel);
    acls.push_back({"subscribePattern", filter});
    // The plugin checks a shared subscription with its $share/<group>/ prefix.
    acls.push_back({"subscribePattern", protocol::shared_subscription("+", filter)});
  }
  for (const Channel channel : {Channel::ack, Channel::config}) {
    acls.push_back({"publishClientSend", protocol::device_wildcard(site, channel)});
  }
  return acls;
}

}  // namespace tavla::host::provisioning
