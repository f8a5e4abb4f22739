// PortalServerless — everything `azd up` provisions, in one resource group.
// Identity-based access throughout; the only secrets (payment keys, pay-link key, lab shared key) live in
// Key Vault and reach the app as Key Vault references. See docs/DEPLOY.md and docs/CONFIGURATION.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique resource token.')
param environmentName string

@minLength(1)
@description('Azure region for all resources (pick one that offers Flex Consumption).')
param location string

@description('Object ID of the person (or CI principal) running azd; gets data and Key Vault secret access. Empty: none.')
param principalId string = ''

@description('Kind of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Front-end origins allowed to call the API (CORS), e.g. ["https://portal.example-clinic.org"].')
param allowedOrigins array = []

@description('Tenant that issues tokens for the API (workforce tenant, or the External ID tenant for patients). Default: this subscription\'s tenant.')
param entraTenantId string = ''

@minLength(1)
@description('Application (client) ID of the API app registration (docs/DEPLOY.md, "Register the API").')
param entraClientId string

@description('Sign-in authority host. Empty: the cloud\'s login endpoint (Entra ID). External ID: https://<tenant>.ciamlogin.com/.')
param entraInstance string = ''

@description('Audience the API accepts. Empty: Microsoft.Identity.Web accepts both the client ID (v2.0 tokens) and api://<entraClientId> (v1.0 tokens).')
param entraAudience string = ''

@description('Clinic display name used in messages.')
param clinicName string = 'Our Clinic'

@description('Clinic IANA time zone, used for appointment wall-clock times and SMS quiet hours.')
param clinicTimeZone string = 'America/Chicago'

@description('Where patients sign in, named in SMS answers (HELP). Empty: the first allowed origin.')
param clinicPortalUrl string = ''

@description('The clinic\'s phone number for patients, named in SMS help answers. Empty: not named.')
param clinicPhone string = ''

@description('The clinic\'s video-visit link with {appointmentId} in it (https://…); built when shown, never stored. Empty: no link.')
param videoLinkTemplate string = ''

@description('The days the clinic works, comma-separated day names: business-day targets (the refill queue) count only these.')
param clinicWorkingDays string = 'Monday,Tuesday,Wednesday,Thursday,Friday'

@description('The clinic\'s holidays, comma-separated yyyy-MM-dd dates: not business days. Empty: none.')
param clinicHolidays string = ''

@description('ACS phone number (E.164, e.g. +18005550100) that sends SMS. Empty until one is bought.')
param smsFromNumber string = ''

@description('E-mail sender address. Empty: DoNotReply@ the Azure-managed domain this template creates. Set it to DoNotReply@<emailCustomDomain> once that domain is verified (docs/DEPLOY.md).')
param emailSenderAddress string = ''

@description('The clinic\'s own e-mail domain, e.g. mail.example-clinic.org. Empty: none. Creating it is step one; it is linked (and used) once emailSenderAddress is an address on it.')
param emailCustomDomain string = ''

@description('Where Azure Communication Services (and its e-mail service) keep data at rest.')
param acsDataLocation string = 'United States'

@description('Create the Service Bus namespace and queue lab-results for labs that push there (Standard tier, about $10 a month before the first message). Off: labs use the Storage queue or HTTPS, and the drain timer does nothing.')
param enableServiceBus bool = false

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'portal-serverless'
}

// The custom domain is linked once the sender address is on it: linking needs a verified domain,
// and the clinic switches the sender only after verifying (docs/DEPLOY.md).
var sendsFromCustomDomain = !empty(emailCustomDomain) && endsWith(toLower(emailSenderAddress), '@${toLower(emailCustomDomain)}')

var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

// What the app uses (settings contract in docs/CONFIGURATION.md).
var blobContainers = [
  'documents'
  'attachments'
  'lab-messages'
  'exports'
  'statements'
  'proxy-requests'
  deploymentContainerName
]
var storageQueues = [
  'notifications'
  'notifications-poison'
  'lab-results'
  'lab-results-poison'
]
var storageTables = [
  'Charts'
  'Lookups'
  'AuditLog'
  'Idempotency'
  'Schedule'
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containers: blobContainers
    // Record exports are copies the patient downloads within minutes; the record itself stays in the chart.
    expiringContainers: [ 'exports' ]
    queues: storageQueues
    tables: storageTables
  }
}

module serviceBus 'core/messaging/service-bus.bicep' = if (enableServiceBus) {
  name: 'serviceBus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    labResultsQueueName: 'lab-results'
  }
}

module email 'core/communication/email-services.bicep' = {
  name: 'email'
  scope: rg
  params: {
    name: '${abbrs.communicationEmailServices}${resourceToken}'
    // Linking needs the e-mail service and the ACS resource in the same geography.
    dataLocation: acsDataLocation
    tags: tags
    customDomainName: emailCustomDomain
  }
}

// What the app sends from: the clinic's override, else the managed domain's DoNotReply address.
var emailSender = empty(emailSenderAddress) ? email.outputs.managedSenderAddress : emailSenderAddress

module communication 'core/communication/communication-services.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    name: '${abbrs.communicationCommunicationServices}${resourceToken}'
    dataLocation: acsDataLocation
    tags: tags
    linkedDomains: sendsFromCustomDomain
      ? [
          email.outputs.managedDomainId
          email.outputs.customDomainId
        ]
      : [
          email.outputs.managedDomainId
        ]
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
  }
}

module roles 'core/security/role-assignments.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: enableServiceBus ? serviceBus!.outputs.name : ''
    labResultsQueueName: 'lab-results'
    keyVaultName: keyVault.outputs.name
    communicationServicesName: communication.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    serviceBusFullyQualifiedNamespace: enableServiceBus ? serviceBus!.outputs.fullyQualifiedNamespace : ''
    labResultsQueueName: 'lab-results'
    communicationEndpoint: communication.outputs.endpoint
    smsFromNumber: smsFromNumber
    emailSenderAddress: emailSender
    keyVaultName: keyVault.outputs.name
    entraInstance: empty(entraInstance) ? environment().authentication.loginEndpoint : entraInstance
    entraTenantId: empty(entraTenantId) ? tenant().tenantId : entraTenantId
    entraClientId: entraClientId
    entraAudience: entraAudience
    allowedOrigins: allowedOrigins
    clinicName: clinicName
    clinicTimeZone: clinicTimeZone
    clinicPortalUrl: empty(clinicPortalUrl) ? (empty(allowedOrigins) ? '' : first(allowedOrigins)) : clinicPortalUrl
    clinicPhone: clinicPhone
    videoLinkTemplate: videoLinkTemplate
    clinicWorkingDays: clinicWorkingDays
    clinicHolidays: clinicHolidays
  }
  // The app starts pulling its package and reading Key Vault as soon as it exists.
  dependsOn: [
    roles
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_ENDPOINT_URL string = api.outputs.uri
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_SERVICE_BUS_NAMESPACE string = enableServiceBus ? serviceBus!.outputs.name : ''
output AZURE_SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE string = enableServiceBus ? serviceBus!.outputs.fullyQualifiedNamespace : ''
output AZURE_SERVICE_BUS_LAB_SEND_RULE string = enableServiceBus ? serviceBus!.outputs.labSendRuleName : ''
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_COMMUNICATION_SERVICES_NAME string = communication.outputs.name
output AZURE_COMMUNICATION_SERVICES_ENDPOINT string = communication.outputs.endpoint
output AZURE_EMAIL_SERVICE_NAME string = email.outputs.name
output AZURE_EMAIL_SENDER_ADDRESS string = emailSender
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
