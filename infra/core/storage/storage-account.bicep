// One storage account for the Functions host, the Flex Consumption deployment package and the
// app's data (Tables, Blobs, Queues). Shared-key access is disabled: everything uses Entra ID.
@description('Storage account name (3-24 lowercase letters and digits).')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Blob containers to create.')
param containers array

@description('Containers whose blobs (and their versions) are deleted expiringAfterDays after they are written.')
param expiringContainers array = []

@description('Days a blob in an expiring container is kept.')
param expiringAfterDays int = 7

@description('Storage queues to create.')
param queues array

@description('Tables to create.')
param tables array

@description('Days that deleted blobs, blob versions and containers can be restored.')
param softDeleteDays int = 14

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true, keyType: 'Account' }
        file: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      isVersioningEnabled: true
      deleteRetentionPolicy: {
        enabled: true
        days: softDeleteDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: softDeleteDays
      }
    }

    resource blobContainers 'containers' = [
      for container in containers: {
        name: container
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource lifecycle 'managementPolicies' = if (!empty(expiringContainers)) {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'expire-copies'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [ 'blockBlob' ]
                prefixMatch: [for container in expiringContainers: '${container}/']
              }
              actions: {
                baseBlob: { delete: { daysAfterCreationGreaterThan: expiringAfterDays } }
                version: { delete: { daysAfterCreationGreaterThan: expiringAfterDays } }
              }
            }
          }
        ]
      }
    }
    dependsOn: [ blobService ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource storageQueues 'queues' = [
      for queue in queues: {
        name: queue
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource storageTables 'tables' = [
      for table in tables: {
        name: table
      }
    ]
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
