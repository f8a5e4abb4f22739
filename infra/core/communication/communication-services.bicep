// Azure Communication Services for SMS and e-mail. The phone number is bought separately (portal
// or CLI) and passed back in as smsFromNumber; e-mail goes out through the domains linked here
// (email-services.bicep). See docs/DEPLOY.md.
@description('Communication Services resource name.')
param name string

@description('Where ACS stores data at rest, e.g. United States, Europe, Canada, UK.')
param dataLocation string

@description('Resource tags.')
param tags object = {}

@description('Resource IDs of verified e-mail domains (Microsoft.Communication/emailServices/domains) to send from. The template owns this list: each provision sends the whole list, so link domains through main.bicep, not by hand.')
param linkedDomains array = []

resource communication 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: name
  // Communication Services is a global resource; its data stays in dataLocation.
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    // No access keys: the app sends SMS and e-mail with its managed identity (Entra ID).
    disableLocalAuth: true
    linkedDomains: linkedDomains
  }
}

output id string = communication.id
output name string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
