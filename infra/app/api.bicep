// The Functions app: Flex Consumption (FC1), Linux, .NET 10 isolated worker, one user-assigned
// identity for everything, identity-based app settings only (no keys, no connection strings).
@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Resource tags for the plan.')
param tags object = {}

@description('azd service name; azd finds the app to deploy to by this tag.')
param serviceName string = 'api'

@description('Resource ID of the app\'s user-assigned managed identity.')
param identityId string

@description('Client ID of the app\'s user-assigned managed identity.')
param identityClientId string

@description('Blob endpoint of the storage account, e.g. https://st….blob.core.windows.net/.')
param storageBlobEndpoint string

@description('Queue endpoint of the storage account.')
param storageQueueEndpoint string

@description('Table endpoint of the storage account.')
param storageTableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (not a secret: it carries no key when local auth is disabled).')
param applicationInsightsConnectionString string

@description('Service Bus fully-qualified namespace, e.g. sb-….servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Service Bus queue that labs push results to.')
param labResultsQueueName string

@description('ACS endpoint, e.g. https://acs-….communication.azure.com.')
param communicationEndpoint string

@description('ACS sender phone number in E.164 form; empty until the clinic buys one.')
param smsFromNumber string

@description('ACS e-mail sender address on a domain linked to the ACS resource, e.g. DoNotReply@<guid>.azurecomm.net.')
param emailSenderAddress string

@description('Key Vault name that holds payments-api-key, payments-webhook-secret, billing-pay-link-key, labs-shared-key and communication-events-secret.')
param keyVaultName string

@description('Entra ID instance, e.g. https://login.microsoftonline.com/ or https://<tenant>.ciamlogin.com/.')
param entraInstance string

@description('Entra tenant ID that issues tokens for the API.')
param entraTenantId string

@description('Application (client) ID of the API app registration.')
param entraClientId string

@description('Token audience the API accepts.')
param entraAudience string

@description('Front-end origins allowed by CORS, e.g. https://portal.example-clinic.org.')
param allowedOrigins array

@description('Clinic display name used in messages.')
param clinicName string

@description('Clinic IANA time zone, e.g. America/Chicago.')
param clinicTimeZone string

@description('Where patients sign in, named in SMS answers (may be empty).')
param clinicPortalUrl string

@description('The clinic\'s phone number for patients, named in SMS help answers (may be empty).')
param clinicPhone string

@description('The clinic\'s video-visit link template with {appointmentId} (may be empty).')
param videoLinkTemplate string

@description('The days the clinic works, comma-separated day names.')
param clinicWorkingDays string

@description('The clinic\'s holidays, comma-separated yyyy-MM-dd dates (may be empty).')
param clinicHolidays string

@description('Upper bound on scale-out; a small clinic never needs many instances.')
param maximumInstanceCount int = 40

@description('Memory per instance in MB (512, 2048 or 4096).')
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references in app settings resolve with the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Every setting the app reads in Azure (docs/CONFIGURATION.md lists them; a test keeps the
  // three in step). Keys are literal so the test can read them from the compiled template.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Functions host storage (identity-based).
      AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
      AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
      AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId

      // App data: same account, connection name PortalStorage (queue triggers use it too).
      PortalStorage__blobServiceUri: storageBlobEndpoint
      PortalStorage__queueServiceUri: storageQueueEndpoint
      PortalStorage__tableServiceUri: storageTableEndpoint
      PortalStorage__credential: 'managedidentity'
      PortalStorage__clientId: identityClientId

      // Telemetry with Entra auth (the component has local auth disabled).
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

      // Token validation (Microsoft.Identity.Web, section AzureAd).
      AzureAd__Instance: entraInstance
      AzureAd__TenantId: entraTenantId
      AzureAd__ClientId: entraClientId
      AzureAd__Audience: entraAudience

      Cors__AllowedOrigins: join(allowedOrigins, ',')

      Clinic__Name: clinicName
      Clinic__TimeZone: clinicTimeZone
      Clinic__PortalUrl: clinicPortalUrl
      Clinic__Phone: clinicPhone
      Scheduling__VideoLinkTemplate: videoLinkTemplate
      Clinic__WorkingDays: clinicWorkingDays
      Clinic__Holidays: clinicHolidays

      ServiceBus__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
      ServiceBus__credential: 'managedidentity'
      ServiceBus__clientId: identityClientId
      ServiceBus__labResultsQueue: labResultsQueueName

      Communication__endpoint: communicationEndpoint
      Communication__clientId: identityClientId
      Sms__fromNumber: smsFromNumber
      Email__senderAddress: emailSenderAddress

      // Secrets that cannot be identities: Key Vault references, resolved by the platform.
      // Stripe: the secret API key, the webhook endpoint's signing secret (docs/DEPLOY.md, section 8).
      Payments__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=payments-api-key)'
      Payments__WebhookSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=payments-webhook-secret)'
      // The HMAC key that signs statements' pay-without-login links.
      Billing__PayLinkKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=billing-pay-link-key)'
      Labs__SharedKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=labs-shared-key)'
      // The Event Grid webhook's shared secret (query parameter `secret`); docs/DEPLOY.md, section 5.
      Communication__EventsSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=communication-events-secret)'
    }
  }

  // No FTP and no basic-auth (publishing profile) deployments: azd deploys with Entra ID.
  resource ftpPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = app.name
output id string = app.id
output uri string = 'https://${app.properties.defaultHostName}'
