// The worker tests' whole outbound network: nothing reaches the internet.
import { accessCerts } from './access-certs'
import { ACCESS_TEAM } from './stand-ins'
import { webhookReceiver } from './webhook-receiver'

type OutboundRequest = Parameters<typeof webhookReceiver>[0] & Parameters<typeof accessCerts>[0]

/** Sends each outgoing request to the stand-in for its host. */
export function testNetwork(request: OutboundRequest) {
  return new URL(request.url).hostname === ACCESS_TEAM
    ? accessCerts(request)
    : webhookReceiver(request)
}
