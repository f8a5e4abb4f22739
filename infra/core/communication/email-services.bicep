// Email Communication Service with an Azure-managed domain (<guid>.azurecomm.net), so `azd up`
// gives the app a working sender address with no DNS work. Optionally a clinic's own domain
// (CustomerManaged), which needs DNS verification before it can be linked; see docs/DEPLOY.md.
// The domains are linked to the Communication Services resource in communication-services.bicep.
@description('Email Communication Service resource name.')
param name string

@description('Where the e-mail service stores data at rest; must be the same geography as the Communication Services resource it is linked to.')
param dataLocation string

@description('Resource tags.')
param tags object = {}

@description('The clinic\'s own sending domain, e.g. mail.example-clinic.org. Empty: only the Azure-managed domain.')
param customDomainName string = ''

var hasCustomDomain = !empty(customDomainName)

resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: name
  // Like Communication Services, a global resource; its data stays in dataLocation.
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }

  // The resource name 'AzureManagedDomain' is what the service expects for the managed domain;
  // Azure picks the actual <guid>.azurecomm.net name and provides a DoNotReply sender on it.
  resource managedDomain 'domains' = {
    name: 'AzureManagedDomain'
    location: 'global'
    tags: tags
    properties: {
      domainManagement: 'AzureManaged'
      // No open-tracking pixels or rewritten links in patients' mail.
      userEngagementTracking: 'Disabled'
    }
  }

  // A CustomerManaged domain is named after the DNS domain itself.
  resource customDomain 'domains' = if (hasCustomDomain) {
    name: customDomainName
    location: 'global'
    tags: tags
    properties: {
      domainManagement: 'CustomerManaged'
      userEngagementTracking: 'Disabled'
    }
  }
}

output name string = emailService.name
output managedDomainId string = emailService::managedDomain.id
@description('The managed domain\'s default sender: DoNotReply@<guid>.azurecomm.net.')
output managedSenderAddress string = 'DoNotReply@${emailService::managedDomain.properties.mailFromSenderDomain}'
@description('Resource ID of the custom domain; empty when there is none.')
output customDomainId string = hasCustomDomain ? emailService::customDomain.id : ''
