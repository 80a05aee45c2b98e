// The worker tests' whole outbound network: nothing reaches the internet.
import { ACCESS_TEAM, accessCerts } from './access-certs'
import { webhookReceiver } from './webhook-receiver'

type OutboundRequest = Parameters<typeof webhookReceiver>[0] & Parameters<typeof accessCerts>[0]

/** Sends each outgoing request to the stand-in for its host. */
export function testNetwork(request: OutboundRequest) {
  return new URL(request.url).hostname === ACCESS_TEAM
    ? accessCerts(request)
    : webhookReceiver(request)
}
