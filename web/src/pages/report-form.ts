import type { NewProblem } from '../api/problems.js';
import type { Urgency } from '../api/problems.js';
import type { Contact } from './ReportContact.js';
import type { Place } from './ReportLocation.js';

interface Basics {
  categoryId: string;
  areaId: string;
  title: string;
  description: string;
  urgency: Urgency;
  isPublic: boolean;
}

/** Field names that fail the same checks as the server's create schema, so errors show before sending. */
export function reportErrors(form: Basics, place: Place, contact: Contact): string[] {
  const bad: string[] = [];
  if (form.title.trim().length < 2) bad.push('title');
  if (form.description.trim().length < 2) bad.push('description');
  const lat = place.lat.trim() === '' ? null : Number(place.lat);
  const lng = place.lng.trim() === '' ? null : Number(place.lng);
  if ((lat === null) !== (lng === null)) bad.push('coords');
  else if (lat !== null && (Number.isNaN(lat) || lat < -90 || lat > 90)) bad.push('coords');
  else if (lng !== null && (Number.isNaN(lng) || lng < -180 || lng > 180)) bad.push('coords');
  if (!contact.anonymous && contact.phone && !/^[0-9+()\- ]{5,20}$/.test(contact.phone.trim())) bad.push('phone');
  if (!contact.anonymous && contact.email && !/^[^@\s]+@[^@\s]+$/.test(contact.email.trim())) bad.push('email');
  return bad;
}

/** The create body; an anonymous report carries no contact at all. */
export function reportBody(form: Basics, place: Place, contact: Contact): NewProblem {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    categoryId: form.categoryId ? Number(form.categoryId) : undefined,
    areaId: form.areaId ? Number(form.areaId) : undefined,
    address: place.address.trim() || undefined,
    lat: place.lat.trim() ? Number(place.lat) : undefined,
    lng: place.lng.trim() ? Number(place.lng) : undefined,
    urgency: form.urgency,
    isPublic: form.isPublic,
    anonymous: contact.anonymous,
    reporter: contact.anonymous
      ? undefined
      : {
          name: contact.name.trim() || undefined,
          phone: contact.phone.trim() || undefined,
          email: contact.email.trim() || undefined,
        },
  };
}
