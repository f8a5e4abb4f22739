// Service Bus namespace with the queue that labs push results to.
// Standard tier: duplicate detection is not available on Basic.
@description('Service Bus namespace name.')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Queue that labs send results to; the app drains it with peek-lock.')
param labResultsQueueName string = 'lab-results'

@description('Name of the send-only shared access policy handed to labs.')
param labSendRuleName string = 'lab-send'

@description('Deliveries before a message is dead-lettered.')
param maxDeliveryCount int = 10

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    // Local (SAS) auth stays on ONLY for the labs' send-only queue policy below: most lab
    // integration engines speak AMQP/HTTPS with a SAS connection string, not Entra ID. The app
    // itself never uses a key (managed identity + Azure Service Bus Data Receiver). If every lab
    // can use an Entra service principal (Azure Service Bus Data Sender on the queue), set this to
    // true and delete the rule. See docs/DEPLOY.md.
    disableLocalAuth: false
  }

  resource labResults 'queues' = {
    name: labResultsQueueName
    properties: {
      maxDeliveryCount: maxDeliveryCount
      deadLetteringOnMessageExpiration: true
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT1H'
      defaultMessageTimeToLive: 'P14D'
      lockDuration: 'PT1M'
      enablePartitioning: false
      requiresSession: false
    }

    resource labSend 'authorizationRules' = {
      name: labSendRuleName
      properties: {
        rights: [
          'Send'
        ]
      }
    }
  }
}

output id string = namespace.id
output name string = namespace.name
// serviceBusEndpoint is https://<name>.servicebus.<cloud suffix>:443/ — keep only the host.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
output labResultsQueueName string = namespace::labResults.name
output labSendRuleName string = namespace::labResults::labSend.name
