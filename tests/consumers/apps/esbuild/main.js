import { loadCore } from 'imagefield';
import 'imagefield/element';
import { startProfilePhotoPage } from '../shared/profile-photo-page.js';

startProfilePhotoPage(loadCore);
