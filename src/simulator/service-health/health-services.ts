/** A service as `healthOverviews` lists it: `id` and the display `service` name issues and messages use. */
export interface SimHealthService {
  id: string;
  service: string;
}

/**
 * The services the simulated tenant reports health for. Names follow the Graph docs and public captures (Exchange
 * Online / Exchange, Microsoft 365 suite / OSDPPlatform, Identity Service / OrgLiveID); other ids are plausible.
 */
export const SIM_HEALTH_SERVICES: readonly SimHealthService[] = [
  { id: 'Exchange', service: 'Exchange Online' },
  { id: 'microsoftteams', service: 'Microsoft Teams' },
  { id: 'SharePoint', service: 'SharePoint Online' },
  { id: 'OneDriveForBusiness', service: 'OneDrive for Business' },
  { id: 'OfficeOnline', service: 'Office for the web' },
  { id: 'O365Client', service: 'Microsoft 365 Apps' },
  { id: 'OrgLiveID', service: 'Identity Service' },
  { id: 'OSDPPlatform', service: 'Microsoft 365 suite' },
  { id: 'Intune', service: 'Microsoft Intune' },
  { id: 'PowerBIcom', service: 'Power BI' },
];
