import type { MetricDef } from './catalog-types';
import { DROP_HALF } from './catalog-rules';

const web = {
  service: 'web',
  unit: 'count',
  higherIsBetter: true,
  permission: 'ServiceActivity-Microsoft365Web.Read.All',
  roles: [],
  defaultRule: DROP_HALF,
} as const;

/** Microsoft 365 web app signals (A1–A5): active users who open or save a document in the browser app. */
export const WEB_METRICS: readonly MetricDef[] = [
  {
    ...web,
    id: 'excel-web',
    fn: 'getActiveUserMetricsForExcelWeb',
    name: 'Excel for the web users',
    description: 'Active users who opened or saved a workbook in Excel for the web.',
    aliases: ['excel', 'excel web', 'excel online', 'excel for the web'],
    typical: 60,
  },
  {
    ...web,
    id: 'onenote-web',
    fn: 'getActiveUserMetricsForOneNoteWeb',
    name: 'OneNote for the web users',
    description: 'Active users who opened or saved a notebook in OneNote for the web.',
    aliases: ['onenote', 'onenote web', 'onenote online', 'onenote for the web'],
    typical: 8,
  },
  {
    ...web,
    id: 'powerpoint-web',
    fn: 'getActiveUserMetricsForPowerPointWeb',
    name: 'PowerPoint for the web users',
    description: 'Active users who opened or saved a presentation in PowerPoint for the web.',
    aliases: ['powerpoint', 'ppt', 'powerpoint web', 'powerpoint online', 'powerpoint for the web'],
    typical: 40,
  },
  {
    ...web,
    id: 'visio-web',
    fn: 'getActiveUserMetricsForVisioWeb',
    name: 'Visio for the web users',
    description: 'Active users who opened or saved a drawing in Visio for the web.',
    aliases: ['visio', 'visio web', 'visio online', 'visio for the web'],
    typical: 1,
  },
  {
    ...web,
    id: 'word-web',
    fn: 'getActiveUserMetricsForWordWeb',
    name: 'Word for the web users',
    description: 'Active users who opened or saved a document in Word for the web.',
    aliases: ['word', 'word web', 'word online', 'word for the web'],
    typical: 20,
  },
];

/** OneDrive for work or school (preview, O1): absent from the SDK and the newest docs, so it may be withdrawn. */
export const ONEDRIVE_METRICS: readonly MetricDef[] = [
  {
    id: 'onedrive-downloads',
    fn: 'getDeviceMetricsForOneDriveForBusinessBydownloadOnlineOnlyFiles',
    service: 'onedrive',
    name: 'OneDrive on-demand downloads',
    description: 'Devices that downloaded online-only files from the OneDrive desktop app without errors.',
    unit: 'count',
    higherIsBetter: true,
    permission: 'ServiceActivity-OneDrive.Read.All',
    roles: [],
    aliases: ['onedrive downloads', 'files on demand', 'online-only files', 'onedrive sync', 'odb downloads'],
    preview: true,
    defaultRule: DROP_HALF,
    typical: 10,
  },
];
